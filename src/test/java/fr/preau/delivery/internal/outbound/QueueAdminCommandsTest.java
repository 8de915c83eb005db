package fr.preau.delivery.internal.outbound;

import fr.preau.testsupport.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.admin.AdminCli;
import fr.preau.admin.cli.CliSupport;
import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.testsupport.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.MessageSource;
import org.springframework.context.support.GenericApplicationContext;
import picocli.CommandLine;

/**
 * {@code preau admin queue list|retry|delete} in-process: the real picocli tree, texts and
 * refusals of {@code preau admin}, over a real queue on H2 (the packaged-jar ITs cover the
 * start-up that every command shares).
 */
class QueueAdminCommandsTest {

    @TempDir
    Path blobDirectory;

    TestDatabase db;
    OutboundKit kit;
    GenericApplicationContext application;

    record Outcome(int status, String out, String err) {}

    @BeforeEach
    void setUp() {
        db = TestDatabase.h2();
        kit = new OutboundKit(db, blobDirectory);
        application = new GenericApplicationContext();
        application.registerBean(MailQueue.class, () -> kit.operations);
        application.registerBean("messageSource", MessageSource.class, () -> InProcessCli.bundles("i18n/delivery"));
        application.refresh();
    }

    @AfterEach
    void tearDown() {
        application.close();
        kit.close();
        db.close();
    }

    /** Runs a command as {@code AdminCli} does once Préau has started. */
    private Outcome run(Locale locale, String... args) {
        InProcessCli.Outcome o = InProcessCli.run(application, locale, args);
        return new Outcome(o.status(), o.out(), o.err());
    }

    private Outcome run(String... args) {
        return run(Locale.FRENCH, args);
    }

    @Test
    void listsWhatIsStillToBeDeliveredByDefault() {
        assertThat(run("queue", "list").out()).contains("Aucun message ne correspond.",
                "Destinataires dans la file : 0 en attente, 0 différés, 0 remis, 0 non remis.");

        long first = kit.enqueue(OutboundKit.message("a"), "jean.dupont@ac-dijon.fr", "ami@example.org", "x@other.fr");
        long notice = kit.enqueue(OutboundKit.message("b"), null, "distant@example.org");
        deliver(kit.repository.recipientsOf(first).get(1).id());

        Outcome list = run("queue", "list");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("N°", "EXPÉDITEUR", "DESTINATAIRE", "ÉTAT", "DERNIÈRE RÉPONSE",
                        "jean.dupont@ac-dijon.fr", "ami@example.org", "en attente", "<>", "distant@example.org",
                        "07/09/2026 07:30", "1 en attente".replace("1", "2"), "1 remis")
                .doesNotContain("x@other.fr");
        assertThat(list.out().lines().filter(l -> l.startsWith(first + " ") || l.startsWith(notice + " "))).hasSize(2);

        assertThat(run("queue", "list", "--status", "DELIVERED,queued").out()).contains("x@other.fr", "remis",
                "250 2.0.0 Ok");
        assertThat(run("queue", "list", "--domain", "other.fr", "--status", "delivered").out())
                .contains("x@other.fr").doesNotContain("ami@example.org");
        assertThat(run("queue", "list", "--sender", "<>").out()).contains("distant@example.org")
                .doesNotContain("ami@example.org");
        assertThat(run(Locale.ENGLISH, "queue", "list").out()).contains("RECIPIENT", "queued",
                "Recipients in the queue: 2 queued, 0 deferred, 1 delivered, 0 failed.");
    }

    @Test
    void badListOptionsAreUsageErrorsOrRefusals() {
        Outcome limit = run("queue", "list", "--limit", "0");
        assertThat(limit.status()).isEqualTo(CliSupport.USAGE);
        assertThat(limit.err()).contains("La limite doit être comprise entre 1 et 10000");
        Outcome status = run("queue", "list", "--status", "lost");
        assertThat(status.status()).isEqualTo(CliSupport.USAGE);
        assertThat(status.err()).contains("--status", "lost");
        Outcome domain = run("queue", "list", "--domain", "exa mple..org");
        assertThat(domain.status()).isEqualTo(CliSupport.REFUSED);
        assertThat(domain.err().lines()).singleElement().asString().contains("n’est pas un nom de domaine");
    }

    @Test
    void retryMakesAMessageOrEveryDeferredRecipientDueNow() {
        long id = kit.enqueue(OutboundKit.message("r"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        defer(kit.repository.recipientsOf(id).get(0).id());
        Instant later = kit.clock.instant().plus(Duration.ofMinutes(1));
        kit.clock.set(later);
        assertThat(kit.repository.due(later, 10)).isEmpty();

        Outcome retried = run("queue", "retry", String.valueOf(id));
        assertThat(retried.status()).isZero();
        assertThat(retried.out()).contains("Message " + id + " : 1 destinataire(s) à essayer de nouveau.",
                "prochain passage");
        assertThat(kit.repository.due(later, 10)).hasSize(1);

        assertThat(run(Locale.ENGLISH, "queue", "retry", "--all").out()).contains("1 deferred recipient(s) to try again.");

        Outcome unknown = run("queue", "retry", "999");
        assertThat(unknown.status()).isEqualTo(CliSupport.REFUSED);
        assertThat(unknown.err()).contains("Le message 999 n’est pas dans la file");
        assertThat(run("queue", "retry").status()).isEqualTo(CliSupport.USAGE);
        Outcome both = run("queue", "retry", String.valueOf(id), "--all");
        assertThat(both.status()).isEqualTo(CliSupport.USAGE);
        assertThat(both.err()).contains("pas les deux");
        assertThat(kit.audit.latest("OUTBOUND_RETRIED", 10)).hasSize(2)
                .allSatisfy(e -> assertThat(e.actor()).startsWith("cli:"));
    }

    @Test
    void deleteRemovesAMessageAndIsAudited() {
        long id = kit.enqueue(OutboundKit.message("d"), "jean.dupont@ac-dijon.fr", "ami@example.org", "b@example.org");
        Outcome deleted = run("queue", "delete", String.valueOf(id));
        assertThat(deleted.status()).isZero();
        assertThat(deleted.out()).contains("Message " + id + " retiré de la file (2 destinataire(s) non remis)");
        assertThat(kit.operations.find(id)).isEmpty();
        assertThat(kit.audit.latest("OUTBOUND_CANCELLED", 10)).singleElement()
                .satisfies(e -> assertThat(e.actor()).startsWith("cli:"));

        Outcome again = run(Locale.ENGLISH, "queue", "delete", String.valueOf(id));
        assertThat(again.status()).isEqualTo(CliSupport.REFUSED);
        assertThat(again.err().lines()).singleElement().asString().isEqualTo("No message " + id + " in the queue.");
        assertThat(run("queue", "delete", "abc").status()).isEqualTo(CliSupport.USAGE);
    }

    @Test
    void helpDescribesTheGroup() {
        CliSupport cli = new CliSupport(Locale.FRENCH, ZoneOffset.UTC);
        StringWriter out = new StringWriter();
        CommandLine commandLine = AdminCli.commandLine(cli);
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("queue", "list", "--help")).isZero();
        assertThat(out.toString()).contains("Utilisation : preau admin queue list", "--status", "--domain", "--sender",
                "deferred (différé)");
    }

    private void deliver(long recipientId) {
        Instant now = kit.clock.instant();
        kit.repository.claim(recipientId, "w", now.plusSeconds(60), now);
        kit.repository.finished(recipientId, "w", Status.DELIVERED, now, SmtpReply.parse(250, "250 2.0.0 Ok"), "mx", null);
    }

    private void defer(long recipientId) {
        Instant now = kit.clock.instant();
        kit.repository.claim(recipientId, "w", now.plusSeconds(60), now);
        kit.repository.deferred(recipientId, "w", now, now.plus(Duration.ofHours(2)), SmtpReply.parse(451, "451 4.4.1 later"),
                "mx");
    }
}
