package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.internal.outbound.DeliveryProperties.Smarthost;
import fr.preau.delivery.internal.outbound.DeliveryProperties.TlsMode;
import fr.preau.delivery.internal.outbound.RecipientResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Relaying through a smarthost, against a real SMTP server on a local port: the bytes arrive
 * unchanged, the envelope is ours, TLS modes and AUTH work, per-recipient replies decide each
 * recipient's outcome, and whatever stops the relay from taking the message defers it.
 */
class SmarthostTransportTest {

    static final byte[] RAW = OutboundKit.message("Relais").getBytes(StandardCharsets.UTF_8);

    final SmtpClient client = new SmtpClient(OutboundKit.HOSTNAME, Duration.ofSeconds(5), Duration.ofSeconds(20), null);
    SmtpSink sink;

    @AfterEach
    void stop() {
        if (sink != null) {
            sink.close();
        }
    }

    private RemoteTransport relay(TlsMode tls, String user, String password, boolean verify) {
        return new SmarthostTransport(client, new Smarthost("127.0.0.1", sink.port(), tls, user, password, verify));
    }

    @Test
    void relaysTheBytesUnchangedInPlainText() {
        sink = SmtpSink.start().offerStartTls(false);
        List<RecipientResult> results = relay(TlsMode.NONE, null, null, true)
                .deliver(RawMessage.of(RAW), "jean.dupont@ac-dijon.fr", List.of("ami@example.org", "autre@example.org"),
                        "example.org");

        assertThat(results).extracting(RecipientResult::recipient, RecipientResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ami@example.org", Outcome.DELIVERED),
                org.assertj.core.groups.Tuple.tuple("autre@example.org", Outcome.DELIVERED));
        assertThat(results.get(0).reply()).hasToString("250 2.0.0 Ok: queued");
        assertThat(results.get(0).remoteMta()).isEqualTo("127.0.0.1");
        SmtpSink.Transaction t = sink.transactions().get(0);
        assertThat(t.data()).isEqualTo(RAW);
        assertThat(t.mailFrom()).isEqualTo("jean.dupont@ac-dijon.fr");
        assertThat(t.recipients()).containsExactly("ami@example.org", "autre@example.org");
        assertThat(t.ehlo()).isEqualTo(OutboundKit.HOSTNAME);
        assertThat(t.tls()).isFalse();
    }

    @Test
    void authenticatesOverRequiredStartTls() {
        sink = SmtpSink.start().requireAuth("relay-user", "s3cret pass");
        List<RecipientResult> results = relay(TlsMode.STARTTLS, "relay-user", "s3cret pass", false)
                .deliver(RawMessage.of(RAW), "jean.dupont@ac-dijon.fr", List.of("ami@example.org"), "example.org");
        assertThat(results).extracting(RecipientResult::outcome).containsExactly(Outcome.DELIVERED);
        SmtpSink.Transaction t = sink.transactions().get(0);
        assertThat(t.tls()).isTrue();
        assertThat(t.user()).isEqualTo("relay-user");
        assertThat(t.data()).isEqualTo(RAW);
    }

    @Test
    void wrongCredentialsDeferInsteadOfBouncing() {
        sink = SmtpSink.start().requireAuth("relay-user", "right");
        List<RecipientResult> results = relay(TlsMode.STARTTLS, "relay-user", "wrong", false)
                .deliver(RawMessage.of(RAW), "jean.dupont@ac-dijon.fr", List.of("ami@example.org"), "example.org");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY);
            assertThat(r.reply().toString()).contains("Authentication", "535").doesNotContain("wrong");
        });
        assertThat(sink.transactions()).isEmpty();
    }

    @Test
    void requiredStartTlsThatIsNotOfferedDefers() {
        sink = SmtpSink.start().offerStartTls(false);
        List<RecipientResult> results = relay(TlsMode.STARTTLS, null, null, false)
                .deliver(RawMessage.of(RAW), "jean.dupont@ac-dijon.fr", List.of("ami@example.org"), "example.org");
        assertThat(results).extracting(RecipientResult::outcome).containsExactly(Outcome.TEMPORARY);
        assertThat(sink.transactions()).isEmpty();
    }

    @Test
    void opportunisticStartTlsIsUsedWhenOfferedAndSkippedWhenNot() {
        sink = SmtpSink.start();
        relay(TlsMode.STARTTLS_OPPORTUNISTIC, null, null, false)
                .deliver(RawMessage.of(RAW), null, List.of("ami@example.org"), "example.org");
        assertThat(sink.transactions()).singleElement().satisfies(t -> assertThat(t.tls()).isTrue());
        sink.close();

        sink = SmtpSink.start().offerStartTls(false);
        relay(TlsMode.STARTTLS_OPPORTUNISTIC, null, null, false)
                .deliver(RawMessage.of(RAW), null, List.of("ami@example.org"), "example.org");
        assertThat(sink.transactions()).singleElement().satisfies(t -> assertThat(t.tls()).isFalse());
    }

    @Test
    void anUntrustedCertificateDefersWhenVerificationIsOn() {
        sink = SmtpSink.start();
        List<RecipientResult> results = relay(TlsMode.STARTTLS, null, null, true)
                .deliver(RawMessage.of(RAW), "jean.dupont@ac-dijon.fr", List.of("ami@example.org"), "example.org");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY);
            assertThat(r.reply().toString()).contains("TLS");
        });
        assertThat(sink.transactions()).isEmpty();
    }

    @Test
    void implicitTls() {
        sink = SmtpSink.start().implicitTls().requireAuth("u", "p");
        List<RecipientResult> results = relay(TlsMode.IMPLICIT, "u", "p", false)
                .deliver(RawMessage.of(RAW), "jean.dupont@ac-dijon.fr", List.of("ami@example.org"), "example.org");
        assertThat(results).extracting(RecipientResult::outcome).containsExactly(Outcome.DELIVERED);
        assertThat(sink.transactions().get(0).tls()).isTrue();
        assertThat(sink.transactions().get(0).data()).isEqualTo(RAW);
    }

    @Test
    void eachRecipientGetsItsOwnReply() {
        sink = SmtpSink.start().offerStartTls(false).rcptReplies(address -> switch (address) {
            case "full@example.org" -> "452 4.2.2 Mailbox full";
            case "nobody@example.org" -> "550 5.1.1 <nobody@example.org>: Recipient address rejected";
            case "odd@example.org" -> "553 5.1.3 Bad address syntax";
            default -> null;
        });
        List<RecipientResult> results = relay(TlsMode.NONE, null, null, true).deliver(RawMessage.of(RAW),
                "jean.dupont@ac-dijon.fr",
                List.of("ok@example.org", "full@example.org", "nobody@example.org", "odd@example.org"), "example.org");

        assertThat(results).extracting(RecipientResult::outcome)
                .containsExactly(Outcome.DELIVERED, Outcome.TEMPORARY, Outcome.PERMANENT, Outcome.PERMANENT);
        assertThat(results.get(1).reply()).isEqualTo(new SmtpReply(452, "4.2.2", "Mailbox full"));
        assertThat(results.get(2).reply().toString()).isEqualTo("550 5.1.1 <nobody@example.org>: Recipient address rejected");
        assertThat(sink.transactions()).singleElement().satisfies(t -> assertThat(t.recipients()).containsExactly("ok@example.org"));
    }

    @Test
    void aRefusalAtTheEndOfDataAppliesToEveryAcceptedRecipient() {
        sink = SmtpSink.start().offerStartTls(false).dataReply("554 5.7.1 Message rejected as spam")
                .rcptReplies(a -> a.startsWith("nobody") ? "550 5.1.1 unknown" : null);
        List<RecipientResult> results = relay(TlsMode.NONE, null, null, true).deliver(RawMessage.of(RAW),
                "jean.dupont@ac-dijon.fr", List.of("a@example.org", "nobody@example.org", "b@example.org"), "example.org");
        assertThat(results).extracting(r -> r.reply().toString()).containsExactly("554 5.7.1 Message rejected as spam",
                "550 5.1.1 unknown", "554 5.7.1 Message rejected as spam");
        assertThat(results).extracting(RecipientResult::outcome).containsOnly(Outcome.PERMANENT);

        sink.dataReply("451 4.3.0 Temporary local problem");
        assertThat(relay(TlsMode.NONE, null, null, true).deliver(RawMessage.of(RAW), null, List.of("a@example.org"),
                "example.org")).extracting(RecipientResult::outcome).containsExactly(Outcome.TEMPORARY);
    }

    @Test
    void everyRecipientRefusedIsReportedOneByOne() {
        sink = SmtpSink.start().offerStartTls(false).rcptReplies(a -> a.startsWith("x") ? "550 5.1.1 no" : "450 4.2.1 later");
        List<RecipientResult> results = relay(TlsMode.NONE, null, null, true).deliver(RawMessage.of(RAW),
                "s@ac-dijon.fr", List.of("x@example.org", "y@example.org"), "example.org");
        assertThat(results).extracting(RecipientResult::outcome).containsExactly(Outcome.PERMANENT, Outcome.TEMPORARY);
    }

    @Test
    void aRefusedConnectionDefers() {
        int port = SmtpSink.closedPort();
        RemoteTransport relay = new SmarthostTransport(client, new Smarthost("127.0.0.1", port, TlsMode.NONE, null, null, true));
        List<RecipientResult> results = relay.deliver(RawMessage.of(RAW), "s@ac-dijon.fr", List.of("a@example.org"),
                "example.org");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.TEMPORARY);
            assertThat(r.reply().enhancedCode()).isEqualTo("4.4.1");
            assertThat(r.reply().text()).contains("Connection", "refused");
        });
    }

    @Test
    void theNullSenderIsSentAsAnEmptyPath() {
        sink = SmtpSink.start().offerStartTls(false);
        relay(TlsMode.NONE, null, null, true).deliver(RawMessage.of(RAW), null, List.of("a@example.org"), "example.org");
        assertThat(sink.mailCommands()).containsExactly("MAIL FROM:<>");
        assertThat(sink.transactions().get(0).mailFrom()).isEmpty();
    }

    @Test
    void theSmarthostPasswordIsNotInItsDescription() {
        Smarthost smarthost = new Smarthost("relay.example", 587, TlsMode.STARTTLS, "u", "hunter2", true);
        assertThat(smarthost.toString()).doesNotContain("hunter2").contains("***");
        assertThat(new SmarthostTransport(client, smarthost).toString()).doesNotContain("hunter2");
    }
}
