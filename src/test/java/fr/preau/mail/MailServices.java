package fr.preau.mail;

import fr.preau.identity.Account;
import fr.preau.identity.IdentityServices;
import fr.preau.identity.Role;
import fr.preau.mail.internal.MimeAnalyzer;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.mail.internal.MailProperties;
import fr.preau.mail.internal.MailboxRepository;
import fr.preau.mail.internal.MessageAnalyzer;
import fr.preau.mail.internal.MessageRepository;
import fr.preau.mail.internal.QuotaPolicy;
import fr.preau.mail.internal.QuotaWarningMessage;
import fr.preau.mail.internal.IndexTrigger;
import fr.preau.mail.internal.SearchBacklog;
import fr.preau.mail.internal.SearchService;
import fr.preau.mail.internal.StoreDocuments;
import fr.preau.mail.internal.StoredMessages;
import fr.preau.mail.internal.ThreadLinker;
import fr.preau.mail.internal.search.SearchIndexer;
import fr.preau.platform.internal.FileBlobStore;
import fr.preau.platform.internal.LocalEventBus;
import fr.preau.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The mail module's real services wired by hand on a test database, over the identity
 * services (accounts) and a blob directory of the test's own; with {@link #withSearch}, also
 * the server's search index on a directory of the test's, as the store's index trigger (else
 * the store leaves its backlog rows, as in {@code preau admin}, and {@link MailSearch#search}
 * is refused). {@link #close} closes the index.
 *
 * @param searchIndex null without search
 */
public record MailServices(IdentityServices identity, Path blobDirectory, FileBlobStore blobs, LocalEventBus bus,
                           MailboxRepository mailboxes, MessageRepository messageRepository, SearchBacklog backlog,
                           QuotaPolicy quotaPolicy, MailEvents events, MailFolders folders, MailQuotas quotas,
                           MailMessages messages, MailDelivery delivery, SearchService searchIndex, MailSearch search)
        implements AutoCloseable {

    /** The indexer's settings in tests: the production batch, a commit and a look at the backlog every 200 ms. */
    public static final SearchIndexer.Settings SEARCH_SETTINGS = new SearchIndexer.Settings(200, Duration.ofMillis(200), 5_000);

    public static final MailProperties PROPERTIES = new MailProperties(new MailProperties.Quota(5000, 2500,
            EnumSet.of(Role.ENSEIGNANT, Role.ENSEIGNANT_CHERCHEUR, Role.PERSONNEL_ADMINISTRATIF, Role.SUPPORT,
                    Role.ADMINISTRATEUR), 90));

    public static MailServices on(TestDatabase db) {
        return on(IdentityServices.on(db), new MimeAnalyzer(new MimeParser()));
    }

    public static MailServices on(IdentityServices identity, MessageAnalyzer analyzer) {
        return on(identity, analyzer, tempDirectory("preau-blobs"), null, null);
    }

    /** With the search index in {@code indexDirectory}, opened now (and a new blob directory). */
    public static MailServices withSearch(TestDatabase db, Path indexDirectory) {
        return withSearch(IdentityServices.on(db), indexDirectory, SEARCH_SETTINGS);
    }

    public static MailServices withSearch(IdentityServices identity, Path indexDirectory, SearchIndexer.Settings settings) {
        return on(identity, new MimeAnalyzer(new MimeParser()), tempDirectory("preau-blobs"), indexDirectory, settings);
    }

    /** Over an existing blob directory (a restart of the same installation); the index is opened when a directory is given. */
    public static MailServices on(IdentityServices identity, MessageAnalyzer analyzer, Path dir, Path indexDirectory,
                                  SearchIndexer.Settings settings) {
        TestDatabase db = identity.db();
        var clock = identity.clock();
        FileBlobStore blobs = new FileBlobStore(dir, db.jdbc(), clock);
        LocalEventBus bus = new LocalEventBus();
        MailboxRepository mailboxes = new MailboxRepository(db.jdbc(), clock);
        MessageRepository messageRepository = new MessageRepository(db.jdbc(), db.template());
        SearchBacklog backlog = new SearchBacklog(db.jdbc(), db.template(), clock);
        SearchService searchIndex = indexDirectory == null ? null : SearchService.open(indexDirectory, backlog,
                new StoreDocuments(db.jdbc(), blobs, new MimeParser()), settings == null ? SEARCH_SETTINGS : settings);
        IndexTrigger trigger = searchIndex == null ? IndexTrigger.NONE : searchIndex;
        ThreadLinker threads = new ThreadLinker(db.jdbc(), messageRepository);
        QuotaPolicy quotaPolicy = new QuotaPolicy(db.jdbc(), identity.accounts(), mailboxes, PROPERTIES, clock);
        MailEvents events = new MailEvents(bus);
        StoredMessages stored = new StoredMessages(blobs, mailboxes, messageRepository, threads, backlog, analyzer, clock);
        MailFolders folders = new MailFolders(mailboxes, backlog, events, trigger, db.transactionManager());
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/mail");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        QuotaWarningMessage warning = new QuotaWarningMessage(bundles, clock);
        MailQuotas quotas = new MailQuotas(quotaPolicy, identity.accounts(), folders, stored, warning, blobs, events,
                trigger, db.transactionManager(), identity.audit());
        MailMessages messages = new MailMessages(folders, mailboxes, messageRepository, stored, backlog, quotaPolicy,
                quotas, events, trigger, blobs, db.transactionManager(), new fr.preau.mail.internal.mime.PartExtractor(),
                fr.preau.platform.Durability.of(db.dataSource()));
        MailDelivery delivery = new MailDelivery(folders, stored, quotaPolicy, quotas, events, trigger, blobs,
                db.transactionManager());
        MailSearch search = new MailSearch(folders, messageRepository, backlog, Optional.ofNullable(searchIndex),
                identity.audit(), db.transactionManager());
        return new MailServices(identity, dir, blobs, bus, mailboxes, messageRepository, backlog, quotaPolicy, events,
                folders, quotas, messages, delivery, searchIndex, search);
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the search index, if any (its indexer commits first). */
    @Override
    public void close() {
        if (searchIndex != null) {
            searchIndex.close();
        }
    }

    private static int counter;

    /** A new active agent of the académie of Dijon. */
    public Account agent(String firstName, String lastName) {
        return identity.createActive(firstName, lastName, IdentityServices.numen(++counter + 500), "unused-Pass-1234!");
    }
}
