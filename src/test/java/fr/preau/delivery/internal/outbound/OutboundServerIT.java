package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.platform.BlobReferences;
import fr.preau.platform.BlobStore;
import fr.preau.testsupport.H2Context;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound queue in the running server: the beans are wired (properties, transport,
 * worker, blob references, the admin API), and a message queued in a transaction is delivered
 * by the background worker, woken by the commit (the poll interval is an hour, so nothing
 * else could have sent it).
 */
@SpringBootTest
@H2Context
class OutboundServerIT {

    static final SmtpSink SINK = SmtpSink.start();

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("preau.delivery.hostname", () -> "mx.preau.test");
        registry.add("preau.delivery.smarthost.host", () -> "127.0.0.1");
        registry.add("preau.delivery.smarthost.port", SINK::port);
        registry.add("preau.delivery.smarthost.tls", () -> "starttls-opportunistic");
        registry.add("preau.delivery.smarthost.verify-certificate", () -> "false");
        registry.add("preau.delivery.poll-interval", () -> "1h");
    }

    @AfterAll
    static void stopSink() {
        SINK.close();
    }

    @Autowired OutboundQueue queue;
    @Autowired MailQueue mailQueue;
    @Autowired BlobStore blobs;
    @Autowired TransactionTemplate transaction;
    @Autowired List<BlobReferences> references;
    @Autowired DeliveryProperties properties;

    @Test
    void aMessageQueuedInATransactionIsDeliveredOnceItCommits() throws Exception {
        assertThat(properties.smarthost().tls()).isEqualTo(DeliveryProperties.TlsMode.STARTTLS_OPPORTUNISTIC);
        assertThat(references).extracting(BlobReferences::referencingQuery).contains("select blob_hash from outbound_message");
        byte[] raw = OutboundKit.message("Depuis le serveur").getBytes(StandardCharsets.UTF_8);
        BlobStore.Blob blob = blobs.write(new ByteArrayInputStream(raw));

        Long id = transaction.execute(status -> queue.enqueue(blob, "jean.dupont@ac-dijon.fr",
                List.of("ami@example.org"), null, Locale.FRENCH));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (SINK.transactions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(SINK.transactions()).singleElement().satisfies(t -> {
            assertThat(t.data()).isEqualTo(raw);
            assertThat(t.ehlo()).isEqualTo("mx.preau.test");
            assertThat(t.tls()).isTrue();
        });
        while (mailQueue.find(id).orElseThrow().pending() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(mailQueue.find(id).orElseThrow().recipients()).extracting(r -> r.status())
                .containsExactly(Status.DELIVERED);
    }
}
