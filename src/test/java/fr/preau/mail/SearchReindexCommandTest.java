package fr.preau.mail;

import fr.preau.testsupport.InProcessCli;

import static fr.preau.mail.Messages.simple;
import static fr.preau.mail.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.admin.AdminCli;
import fr.preau.admin.cli.CliSupport;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.IdentityServices;
import fr.preau.mail.internal.MessageAnalyzer;
import fr.preau.mail.internal.MimeAnalyzer;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.platform.AuditLog;
import fr.preau.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.MessageSource;
import org.springframework.context.support.GenericApplicationContext;

/**
 * {@code preau admin search reindex [ADDRESS]} in-process, with the real picocli tree and
 * texts: the command (mail services without an index, as in {@code preau admin}) queues INDEX
 * rows for exactly the messages asked for, and a server's indexer over the same database
 * applies them — at its start when it was down, in the background while it runs.
 */
class SearchReindexCommandTest {

    @TempDir
    Path directory;

    TestDatabase db;
    IdentityServices identity;
    MessageAnalyzer analyzer = new MimeAnalyzer(new MimeParser());
    /** The command line's side: the store without an index. */
    MailServices cli;
    /** The server's side, when it runs: the same store with the index. */
    MailServices server;
    GenericApplicationContext application;

    record Outcome(int status, String out, String err) {}

    @BeforeEach
    void setUp() {
        db = TestDatabase.h2();
        identity = IdentityServices.on(db);
        cli = MailServices.on(identity, analyzer);
        application = new GenericApplicationContext();
        application.registerBean(MailSearch.class, () -> cli.search());
        application.registerBean(Accounts.class, () -> identity.accounts());
        application.registerBean("messageSource", MessageSource.class, () -> InProcessCli.bundles("i18n/identity", "i18n/mail"));
        application.refresh();
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        application.close();
        db.close();
    }

    /** Runs a command as {@code AdminCli} does once Préau has started. */
    private Outcome run(Locale locale, String... args) {
        InProcessCli.Outcome o = InProcessCli.run(application, locale, args);
        return new Outcome(o.status(), o.out(), o.err());
    }

    private MailServices startServer() {
        return MailServices.on(identity, analyzer, cli.blobDirectory(), directory.resolve("index/mail"),
                MailServices.SEARCH_SETTINGS);
    }

    private long append(Account a, String subject) {
        return cli.messages().append(a.id(), cli.folders().byRole(a.id(), FolderRole.INBOX).id(),
                stream(simple("a@example.org", a.email(), subject, null, "x")), MessageFlags.none(), null).messageId();
    }

    private List<Long> found(Account a, String text) {
        return server.search().search(a.id(), SearchQuery.text(text), ListOrder.newestFirst(), 0, 10).messages().stream()
                .map(MessageSummary::id).toList();
    }

    /** Waits (30 s at most) for the server's background indexer to make {@code count} messages findable. */
    private List<Long> awaitFound(Account a, String text, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Long> hits = found(a, text);
        while (hits.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            hits = found(a, text);
        }
        return hits;
    }

    @Test
    void queuesTheAccountsMessagesForTheServerToIndex() throws Exception {
        server = startServer();
        server.close(); // an index that exists, is current, and misses what follows
        server = null;
        Account camille = cli.agent("Camille", "Martin");
        Account thomas = cli.agent("Thomas", "Bernard");
        long first = append(camille, "Inventaire du CDI");
        long second = append(camille, "Inventaire des salles");
        long his = append(thomas, "Inventaire du gymnase");
        db.jdbc().sql("delete from search_backlog").update(); // as if the index had lost them

        Outcome one = run(Locale.FRENCH, "search", "reindex", camille.email());
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(one.out()).contains("2 message(s) de " + camille.email() + " mis en file pour l’indexation.",
                "s’il ne tourne pas, à son prochain démarrage");
        assertThat(db.jdbc().sql("select message_id, account_id, op from search_backlog order by message_id")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3)).list())
                .containsExactly(first + "/" + camille.id() + "/INDEX", second + "/" + camille.id() + "/INDEX");
        assertThat(identity.audit().latest("SEARCH_REINDEX_REQUESTED", 10)).singleElement().satisfies(e -> {
            assertThat(e.accountId()).isEqualTo(camille.id());
            assertThat(e.actor()).startsWith("cli:");
            assertThat(e.details()).isEqualTo("scope=account messages=2");
        });

        server = startServer();
        assertThat(awaitFound(camille, "inventaire", 2)).containsExactly(second, first);
        assertThat(found(thomas, "inventaire")).as("not asked for").isEmpty();

        // while the server runs: every account, applied in the background
        Outcome all = run(Locale.ENGLISH, "search", "reindex");
        assertThat(all.status()).as(all.err()).isZero();
        assertThat(all.out()).contains("3 message(s) of every account queued for indexing.",
                "The server indexes them in the background");
        assertThat(awaitFound(thomas, "inventaire", 1)).containsExactly(his);
        assertThat(found(camille, "inventaire")).containsExactly(second, first);
        assertThat(identity.audit().latest("SEARCH_REINDEX_REQUESTED", 10)).extracting(AuditLog.Event::details)
                .containsExactly("scope=all messages=3", "scope=account messages=2");
    }

    @Test
    void anUnknownAccountIsRefusedAndNothingIsQueued() {
        Outcome unknown = run(Locale.FRENCH, "search", "reindex", "personne@ac-dijon.fr");
        assertThat(unknown.status()).isEqualTo(CliSupport.REFUSED);
        assertThat(unknown.err()).contains("Aucun compte n’a l’identifiant ou l’adresse « personne@ac-dijon.fr »");
        assertThat(cli.backlog().size()).isZero();
        Outcome tooMany = run(Locale.FRENCH, "search", "reindex", "a@ac-dijon.fr", "b@ac-dijon.fr");
        assertThat(tooMany.status()).isEqualTo(CliSupport.USAGE);
        assertThat(run(Locale.ENGLISH, "search", "reindex", "--help").out())
                .contains("Usage: preau admin search reindex [-hV] [ADDRESS]", "every account");
    }
}
