package fr.preau.delivery.internal.outbound;

import fr.preau.platform.AuditLog;
import fr.preau.platform.BlobStore;
import fr.preau.platform.PlatformFactory;
import fr.preau.platform.internal.FileBlobStore;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound queue built by hand over a test database and a blob directory, with a clock the
 * test moves, a notice sink that records what it is given, and workers on any transport.
 */
final class OutboundKit implements AutoCloseable {

    static final String HOSTNAME = "preau.test";

    /** A notice handed to the sink. */
    record SentNotice(byte[] dsn, String recipient) {
        String text() {
            return new String(dsn, StandardCharsets.UTF_8);
        }
    }

    final TestDatabase db;
    final MutableClock clock = MutableClock.start();
    final FileBlobStore blobs;
    final AuditLog audit;
    final QueueRepository repository;
    final OutboundQueue queue;
    final QueueOperations operations;
    final AtomicInteger wakeUps = new AtomicInteger();
    final List<SentNotice> notices = new CopyOnWriteArrayList<>();
    /** Set to make the sink fail (as a broken local delivery would). */
    volatile RuntimeException sinkFailure;
    private final List<QueueWorker> workers = new ArrayList<>();

    OutboundKit(TestDatabase db, Path blobDirectory) {
        this.db = db;
        this.blobs = new FileBlobStore(blobDirectory, db.jdbc(), clock);
        this.audit = PlatformFactory.auditLog(db.jdbc(), clock);
        this.repository = new QueueRepository(db.jdbc());
        this.queue = new OutboundQueue(repository, blobs, db.transaction(), clock, wakeUps::incrementAndGet);
        this.operations = new QueueOperations(repository, audit, db.transaction(), clock, wakeUps::incrementAndGet);
    }

    /** Defaults of application.yml, with our host name and {@code mxPort}. */
    static DeliveryProperties properties(int mxPort) {
        return properties(mxPort, null);
    }

    static DeliveryProperties properties(int mxPort, DeliveryProperties.Smarthost smarthost) {
        return new DeliveryProperties(HOSTNAME, smarthost, mxPort, false, Duration.ofDays(5), Duration.ofHours(4),
                Duration.ofMinutes(5), Duration.ofHours(2), 4, Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofDays(7), ZoneId.of("Europe/Paris"));
    }

    static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/delivery");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    QueueWorker worker(RemoteTransport transport) {
        return worker(transport, properties(25), OutboundSigner.NONE);
    }

    QueueWorker worker(RemoteTransport transport, DeliveryProperties properties, OutboundSigner signer) {
        RetryPolicy policy = new RetryPolicy(properties);
        TransactionTemplate transaction = db.transaction();
        DsnWriter writer = new DsnWriter(properties.hostname(), messages(), properties.timeZone(), policy, clock);
        NoticeSink sink = (dsn, recipient) -> {
            RuntimeException failure = sinkFailure;
            if (failure != null) {
                throw failure;
            }
            notices.add(new SentNotice(dsn, recipient));
        };
        Notices notices = new Notices(repository, blobs, writer, sink, transaction);
        QueueWorker worker = new QueueWorker(repository, blobs, transport, signer, notices, policy, transaction, clock,
                properties, fr.preau.platform.Durability.of(db.dataSource()));
        workers.add(worker);
        return worker;
    }

    BlobStore.Blob store(byte[] raw) {
        try {
            return blobs.write(new ByteArrayInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long enqueue(String raw, String sender, String... recipients) {
        return queue.enqueue(store(raw.getBytes(StandardCharsets.UTF_8)), sender, List.of(recipients), null,
                Locale.FRENCH);
    }

    @Override
    public void close() {
        workers.forEach(QueueWorker::close);
    }

    /** A small message with CRLF line ends. */
    static String message(String subject) {
        return ("From: Jean Dupont <jean.dupont@ac-dijon.fr>\n"
                + "To: ami@example.org\n"
                + "Subject: " + subject + "\n"
                + "Message-ID: <" + Math.abs(subject.hashCode()) + "@ac-dijon.fr>\n"
                + "Date: Mon, 7 Sep 2026 09:30:00 +0200\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n"
                + "\n"
                + "Bonjour,\n"
                + ". une ligne qui commence par un point\n"
                + "..et une autre par deux\n"
                + "À bientôt.\n").replace("\n", "\r\n");
    }
}
