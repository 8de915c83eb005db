package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.QueuedRecipient;
import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.delivery.internal.outbound.DeliveryProperties.Smarthost;
import fr.preau.delivery.internal.outbound.DeliveryProperties.TlsMode;
import fr.preau.testsupport.Corpus;
import fr.preau.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way out on the embedded database: enqueue, a worker pass, Angus Mail over a real
 * socket to a local SMTP server, outcomes recorded; retries after a refused connection or a
 * 4xx; every message of the shared MIME corpus arrives byte for byte as queued.
 */
class OutboundDeliveryTest {

    @TempDir
    Path blobDirectory;

    TestDatabase db;
    OutboundKit kit;
    SmtpSink sink;
    ScheduledExecutorService writeTimeouts = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() {
        db = TestDatabase.h2();
        kit = new OutboundKit(db, blobDirectory);
        sink = SmtpSink.start();
    }

    @AfterEach
    void tearDown() {
        kit.close();
        sink.close();
        db.close();
        writeTimeouts.shutdownNow();
    }

    private SmtpClient client() {
        return new SmtpClient(OutboundKit.HOSTNAME, Duration.ofSeconds(5), Duration.ofSeconds(30), writeTimeouts);
    }

    private QueueWorker smarthostWorker() {
        Smarthost relay = new Smarthost("127.0.0.1", sink.port(), TlsMode.STARTTLS, "preau", "relay-secret", false);
        DeliveryProperties properties = OutboundKit.properties(25, relay);
        return kit.worker(new SmarthostTransport(client(), relay), properties, OutboundSigner.NONE);
    }

    @Test
    void aQueuedMessageReachesTheRelayUnchanged() {
        sink.requireAuth("preau", "relay-secret");
        String raw = ("From: Jean Dupont <jean.dupont@ac-dijon.fr>\r\n"
                + "To: ami@example.org\r\n"
                + "Bcc: cache@example.org\r\n"
                + "Content-Length: 12\r\n"
                + "Subject: =?UTF-8?Q?R=C3=A9union?=\r\n"
                + "X-Long: " + "x".repeat(900) + "\r\n"
                + "\r\n"
                + ".\r\n"
                + "..\r\n"
                + "Éléments en 8 bits\r\n"
                + "\r\n"
                + "\r\n");
        long id = kit.enqueue(raw, "jean.dupont@ac-dijon.fr", "ami@example.org");

        assertThat(smarthostWorker().runOnce().delivered()).isEqualTo(1);

        SmtpSink.Transaction t = sink.transactions().get(0);
        assertThat(t.data()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(t.tls()).isTrue();
        assertThat(t.user()).isEqualTo("preau");
        assertThat(t.mailFrom()).isEqualTo("jean.dupont@ac-dijon.fr");
        QueuedRecipient r = kit.operations.find(id).orElseThrow().recipients().get(0);
        assertThat(r.status()).isEqualTo(Status.DELIVERED);
        assertThat(r.lastReply()).isEqualTo("250 2.0.0 Ok: queued");
        assertThat(r.remoteMta()).isEqualTo("127.0.0.1");
    }

    @Test
    void aRecipientDeferredByTheServerIsDeliveredOnRetry() {
        sink.rcptReplies(a -> a.startsWith("grey") ? "450 4.7.1 Greylisted, come back later" : null);
        long id = kit.enqueue(OutboundKit.message("Gris"), "jean.dupont@ac-dijon.fr", "grey@example.org",
                "direct@example.org");
        QueueWorker worker = smarthostWorker();
        QueueWorker.Pass first = worker.runOnce();
        assertThat(first.delivered()).isEqualTo(1);
        assertThat(first.deferred()).isEqualTo(1);
        QueuedRecipient grey = kit.operations.find(id).orElseThrow().recipients().get(0);
        assertThat(grey.status()).isEqualTo(Status.DEFERRED);
        assertThat(grey.lastReply()).isEqualTo("450 4.7.1 Greylisted, come back later");

        sink.rcptReplies(a -> null);
        kit.clock.advance(Duration.ofMinutes(5));
        assertThat(worker.runOnce().delivered()).isEqualTo(1);
        assertThat(kit.operations.find(id).orElseThrow().recipients()).extracting(QueuedRecipient::status)
                .containsOnly(Status.DELIVERED);
        assertThat(sink.transactions()).extracting(SmtpSink.Transaction::recipients)
                .containsExactly(List.of("direct@example.org"), List.of("grey@example.org"));
        assertThat(kit.notices).isEmpty();
    }

    @Test
    void aRefusedConnectionDefersUntilTheServerIsReachable() {
        MapDns dns = new MapDns().mx("example.org", 10, "mx.example.org").address("mx.example.org", "127.0.0.2");
        DeliveryProperties properties = OutboundKit.properties(sink.port());
        QueueWorker worker = kit.worker(new DirectMxTransport(client(), () -> dns, sink.port(), false), properties,
                OutboundSigner.NONE);
        long id = kit.enqueue(OutboundKit.message("Injoignable"), "jean.dupont@ac-dijon.fr", "ami@example.org");

        assertThat(worker.runOnce().deferred()).isEqualTo(1);
        QueuedRecipient r = kit.operations.find(id).orElseThrow().recipients().get(0);
        assertThat(r.lastReply()).startsWith("451 4.4.1 Connection to mx.example.org failed");
        assertThat(r.nextAttemptAt()).isEqualTo(kit.clock.instant().plus(Duration.ofMinutes(5)));

        dns.address("mx.example.org", "127.0.0.1");
        assertThat(worker.runOnce().delivered()).as("not due yet").isZero();
        kit.clock.advance(Duration.ofMinutes(5));
        assertThat(worker.runOnce().delivered()).isEqualTo(1);
        assertThat(sink.transactions()).singleElement().satisfies(t -> assertThat(t.tls()).isTrue());
    }

    @Test
    void everyCorpusMessageArrivesByteForByte() throws IOException {
        sink.offerStartTls(false);
        Map<String, byte[]> sent = new HashMap<>();
        int i = 0;
        for (Path file : Corpus.files("mime")) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(name.endsWith(".eml") || name.endsWith(".msg") || name.endsWith(".mail") || name.endsWith(".mime"))) {
                continue;
            }
            byte[] raw = crlf(Files.readAllBytes(file));
            String recipient = "m" + (i++) + "@example.org";
            sent.put(recipient, raw);
            kit.queue.enqueue(kit.store(raw), "jean.dupont@ac-dijon.fr", List.of(recipient), null, Locale.FRENCH);
        }
        assertThat(sent).hasSizeGreaterThan(100);
        Smarthost relay = new Smarthost("127.0.0.1", sink.port(), TlsMode.NONE, null, null, true);
        QueueWorker worker = kit.worker(new SmarthostTransport(client(), relay), OutboundKit.properties(25, relay),
                OutboundSigner.NONE);

        assertThat(worker.runOnce().delivered()).isEqualTo(sent.size());
        assertThat(sink.transactions()).hasSize(sent.size()).allSatisfy(t ->
                assertThat(t.data()).as(t.recipients().get(0)).isEqualTo(sent.get(t.recipients().get(0))));
    }

    /** Line ends as an SMTP server stores them: CRLF everywhere, and at the end. */
    private static byte[] crlf(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
                out.write('\r');
                out.write('\n');
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length < 2 || bytes[bytes.length - 2] != '\r' || bytes[bytes.length - 1] != '\n') {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }
}
