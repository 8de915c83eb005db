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
import fr.preau.mail.internal.SearchBacklog;
import fr.preau.mail.internal.StoredMessages;
import fr.preau.mail.internal.ThreadLinker;
import fr.preau.platform.internal.FileBlobStore;
import fr.preau.platform.internal.LocalEventBus;
import fr.preau.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The mail module's real services wired by hand on a test database, over the identity
 * services (accounts) and a blob directory of the test's own.
 */
public record MailServices(IdentityServices identity, Path blobDirectory, FileBlobStore blobs, LocalEventBus bus,
                           MailboxRepository mailboxes, MessageRepository messageRepository, SearchBacklog backlog,
                           QuotaPolicy quotaPolicy, MailEvents events, MailFolders folders, MailQuotas quotas,
                           MailMessages messages, MailDelivery delivery) {

    public static final MailProperties PROPERTIES = new MailProperties(new MailProperties.Quota(5000, 2500,
            EnumSet.of(Role.ENSEIGNANT, Role.ENSEIGNANT_CHERCHEUR, Role.PERSONNEL_ADMINISTRATIF, Role.SUPPORT,
                    Role.ADMINISTRATEUR), 90));

    public static MailServices on(TestDatabase db) {
        return on(IdentityServices.on(db), new MimeAnalyzer(new MimeParser()));
    }

    public static MailServices on(IdentityServices identity, MessageAnalyzer analyzer) {
        TestDatabase db = identity.db();
        var clock = identity.clock();
        Path dir;
        try {
            dir = Files.createTempDirectory("preau-blobs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileBlobStore blobs = new FileBlobStore(dir, db.jdbc(), clock);
        LocalEventBus bus = new LocalEventBus();
        MailboxRepository mailboxes = new MailboxRepository(db.jdbc(), clock);
        MessageRepository messageRepository = new MessageRepository(db.jdbc(), db.template());
        SearchBacklog backlog = new SearchBacklog(db.jdbc(), db.template(), clock);
        ThreadLinker threads = new ThreadLinker(db.jdbc(), messageRepository);
        QuotaPolicy quotaPolicy = new QuotaPolicy(db.jdbc(), identity.accounts(), mailboxes, PROPERTIES, clock);
        MailEvents events = new MailEvents(bus);
        StoredMessages stored = new StoredMessages(blobs, mailboxes, messageRepository, threads, backlog, analyzer, clock);
        MailFolders folders = new MailFolders(mailboxes, backlog, events, db.transactionManager());
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/mail");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        QuotaWarningMessage warning = new QuotaWarningMessage(bundles, clock);
        MailQuotas quotas = new MailQuotas(quotaPolicy, identity.accounts(), folders, stored, warning, blobs, events,
                db.transactionManager(), identity.audit());
        MailMessages messages = new MailMessages(folders, mailboxes, messageRepository, stored, backlog, quotaPolicy,
                quotas, events, blobs, db.transactionManager(), new fr.preau.mail.internal.mime.PartExtractor());
        MailDelivery delivery = new MailDelivery(folders, stored, quotaPolicy, quotas, events, blobs, db.transactionManager());
        return new MailServices(identity, dir, blobs, bus, mailboxes, messageRepository, backlog, quotaPolicy, events,
                folders, quotas, messages, delivery);
    }

    private static int counter;

    /** A new active agent of the académie of Dijon. */
    public Account agent(String firstName, String lastName) {
        return identity.createActive(firstName, lastName, IdentityServices.numen(++counter + 500), "unused-Pass-1234!");
    }
}
