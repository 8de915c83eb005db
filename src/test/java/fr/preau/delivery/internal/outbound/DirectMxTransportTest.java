package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.outbound.RecipientResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Direct delivery to the recipient domain's MX hosts, found through a test {@code Dns}, all
 * listening on loopback addresses (127.0.0.x) of one port, as {@code preau.delivery.mx-port}
 * says: preference order, fallback to the next host, the domain's own address without MX,
 * null MX, unknown domains, DNS failures, opportunistic STARTTLS with a self-signed certificate.
 */
class DirectMxTransportTest {

    static final byte[] RAW = OutboundKit.message("Direct").getBytes(StandardCharsets.UTF_8);

    final SmtpClient client = new SmtpClient(OutboundKit.HOSTNAME, Duration.ofSeconds(5), Duration.ofSeconds(20), null);
    final MapDns dns = new MapDns();
    SmtpSink primary;
    SmtpSink backup;

    @AfterEach
    void stop() {
        for (SmtpSink s : new SmtpSink[] {primary, backup}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private DirectMxTransport transport(int port, boolean verify) {
        return new DirectMxTransport(client, () -> dns, port, verify);
    }

    private List<RecipientResult> send(DirectMxTransport transport, String domain, String... recipients) {
        return transport.deliver(RawMessage.of(RAW), "jean.dupont@ac-dijon.fr", List.of(recipients), domain);
    }

    @Test
    void deliversToTheLowestPreferenceFirstWithOpportunisticTls() {
        primary = SmtpSink.on("127.0.0.1", 0);
        backup = SmtpSink.on("127.0.0.3", primary.port());
        dns.mx("example.org", 20, "mx2.example.org.").mx("example.org", 10, "mx1.example.org.")
                .address("mx1.example.org", "127.0.0.1").address("mx2.example.org", "127.0.0.3");

        List<RecipientResult> results = send(transport(primary.port(), false), "example.org", "a@example.org", "b@example.org");

        assertThat(results).extracting(RecipientResult::outcome).containsOnly(Outcome.DELIVERED);
        assertThat(results.get(0).remoteMta()).isEqualTo("mx1.example.org");
        assertThat(primary.transactions()).singleElement().satisfies(t -> {
            assertThat(t.recipients()).containsExactly("a@example.org", "b@example.org");
            assertThat(t.tls()).as("STARTTLS used, self-signed certificate accepted").isTrue();
            assertThat(t.ehlo()).isEqualTo(OutboundKit.HOSTNAME);
            assertThat(t.data()).isEqualTo(RAW);
        });
        assertThat(backup.transactions()).isEmpty();
    }

    @Test
    void triesTheNextHostWhenOneCannotBeReached() {
        backup = SmtpSink.on("127.0.0.3", 0);
        // nothing listens on 127.0.0.2 at that port: refused
        dns.mx("example.org", 10, "down.example.org").mx("example.org", 20, "mx2.example.org")
                .address("down.example.org", "127.0.0.2").address("mx2.example.org", "127.0.0.3");

        List<RecipientResult> results = send(transport(backup.port(), false), "example.org", "a@example.org");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(r.remoteMta()).isEqualTo("mx2.example.org");
        });
        assertThat(backup.transactions()).hasSize(1);
    }

    @Test
    void theFirstServerThatAnswersDecidesEvenARefusal() {
        primary = SmtpSink.on("127.0.0.1", 0).rcptReplies(a -> "550 5.1.1 No such user here");
        backup = SmtpSink.on("127.0.0.3", primary.port());
        dns.mx("example.org", 10, "mx1.example.org").mx("example.org", 20, "mx2.example.org")
                .address("mx1.example.org", "127.0.0.1").address("mx2.example.org", "127.0.0.3");
        assertThat(send(transport(primary.port(), false), "example.org", "a@example.org"))
                .extracting(RecipientResult::outcome).containsExactly(Outcome.PERMANENT);
        assertThat(backup.connections()).isZero();
    }

    @Test
    void withoutMxTheDomainItselfIsTheMailServer() {
        primary = SmtpSink.start();
        dns.address("example.org", "127.0.0.1");
        assertThat(send(transport(primary.port(), false), "example.org", "a@example.org"))
                .extracting(RecipientResult::outcome).containsExactly(Outcome.DELIVERED);
        assertThat(primary.transactions()).hasSize(1);
    }

    @Test
    void aNullMxIsAPermanentFailure() {
        dns.mx("no-mail.example", 0, ".").address("no-mail.example", "127.0.0.1");
        assertThat(send(transport(25, false), "no-mail.example", "a@no-mail.example")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT);
            assertThat(r.reply().code()).isEqualTo(556);
            assertThat(r.reply().enhancedCode()).isEqualTo("5.1.10");
            assertThat(r.remoteMta()).isNull();
        });
    }

    @Test
    void aDomainWithNeitherMxNorAddressIsAPermanentFailure() {
        assertThat(send(transport(25, false), "nowhere.example", "a@nowhere.example")).singleElement()
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT);
                    assertThat(r.reply().enhancedCode()).isEqualTo("5.1.2");
                });
    }

    @Test
    void aDnsFailureDefers() {
        dns.failing("flaky.example");
        assertThat(send(transport(25, false), "flaky.example", "a@flaky.example")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY);
            assertThat(r.reply().enhancedCode()).isEqualTo("4.4.3");
        });
        DirectMxTransport withoutResolver = new DirectMxTransport(client, () -> null, 25, false);
        assertThat(withoutResolver.deliver(RawMessage.of(RAW), null, List.of("a@example.org"), "example.org"))
                .extracting(RecipientResult::outcome).containsExactly(Outcome.TEMPORARY);
    }

    @Test
    void whenNoHostAnswersTheRecipientsAreDeferred() {
        int port = SmtpSink.closedPort();
        dns.mx("example.org", 10, "mx1.example.org").mx("example.org", 20, "nameless.example.org")
                .address("mx1.example.org", "127.0.0.1");
        assertThat(send(transport(port, false), "example.org", "a@example.org", "b@example.org"))
                .allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY);
                    assertThat(r.reply().code()).isEqualTo(451);
                });
    }

    @Test
    void verificationMakesTlsRequiredAndRefusesAnUntrustedCertificate() {
        primary = SmtpSink.start();
        dns.mx("example.org", 10, "mx1.example.org").address("mx1.example.org", "127.0.0.1");
        assertThat(send(transport(primary.port(), true), "example.org", "a@example.org"))
                .extracting(RecipientResult::outcome).containsExactly(Outcome.TEMPORARY);
        assertThat(primary.transactions()).isEmpty();
    }

    @Test
    void anAddressLiteralIsDeliveredToThatAddress() {
        primary = SmtpSink.start();
        assertThat(send(transport(primary.port(), false), "[127.0.0.1]", "postmaster@[127.0.0.1]"))
                .extracting(RecipientResult::outcome).containsExactly(Outcome.DELIVERED);
        assertThat(send(transport(primary.port(), false), "[not-an-ip]", "x@[not-an-ip]"))
                .extracting(RecipientResult::outcome).containsExactly(Outcome.PERMANENT);
    }
}
