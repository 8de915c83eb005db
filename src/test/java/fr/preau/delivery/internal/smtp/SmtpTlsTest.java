package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.platform.TlsMaterial;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** STARTTLS and implicit TLS over real sockets, with the test certificate. */
class SmtpTlsTest extends SmtpServerTestBase {

    @Test
    void startTlsThenGreetAgain() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.ehlo("client.example.org")).contains("STARTTLS");
            assertThat(client.expect("STARTTLS", 220).raw()).containsExactly("220 2.0.0 Ready to start TLS");
            client.startTls(clientContext());
            assertThat(client.tlsSocket().getSession().getProtocol()).isEqualTo("TLSv1.3");
            // the server forgot the greeting: EHLO again, and STARTTLS is no longer offered
            client.expect("MAIL FROM:<a@example.org>", 503);
            List<String> extensions = client.ehlo("client.example.org");
            assertThat(extensions).doesNotContain("STARTTLS").contains("PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME");
            assertThat(extensions).noneMatch(line -> line.startsWith("AUTH")); // no AUTH on the MX
            client.expect("STARTTLS", 503);
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("Subject: secret\r\n\r\nover TLS\r\n.\r\n");
            client.expect(250);
            client.expect("QUIT", 221);
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.protocol()).isEqualTo("TLSv1.3");
            assertThat(TlsMaterial.CIPHER_SUITES).contains(tls.cipherSuite());
        });
        assertThat(delivery.text()).startsWith("Received: from client.example.org (unknown [127.0.0.1])\r\n"
                + "\t(using TLSv1.3 with cipher " + delivery.tls().orElseThrow().cipherSuite() + ")\r\n"
                + "\tby " + HOSTNAME + " (Preau) with ESMTPS id ");
    }

    @Test
    void plainTextPipelinedAfterStartTlsIsDropped() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            // CVE-2011-0411: commands injected after STARTTLS in the same packet
            client.sendRaw("STARTTLS\r\nEHLO evil.example.org\r\nMAIL FROM:<evil@example.org>\r\n");
            client.expect(220);
            client.startTls(clientContext());
            // the first reply over TLS answers our own command, not the injected ones
            assertThat(client.expect("NOOP", 250).raw()).containsExactly("250 2.0.0 Ok");
            client.expect("RCPT TO:<b@ac-test.fr>", 503);
            assertThat(client.expect("EHLO client.example.org", 250).raw()).doesNotContain("250-STARTTLS");
        }
        assertThat(handler.senders).isEmpty();
    }

    @Test
    void submissionRequiresStartTlsBeforeMailAndAuth() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = greeted(server)) {
            List<String> extensions = client.ehlo("laptop");
            assertThat(extensions).contains("STARTTLS").noneMatch(line -> line.startsWith("AUTH"));
            assertThat(client.expect("MAIL FROM:<agent@ac-test.fr>", 530).raw())
                    .containsExactly("530 5.7.0 Must issue a STARTTLS command first");
            assertThat(client.expect("AUTH PLAIN AGFnZW50AHNlY3JldA==", 530).enhanced()).isEqualTo("5.7.0");
        }
        assertThat(handler.senders).isEmpty();
        assertThat(handler.authAttempts).isEmpty();
    }

    @Test
    void implicitTls() throws Exception {
        handler.withUser("agent@ac-test.fr", "secret");
        SmtpServer server = start(submission().tlsMode(TlsMode.IMPLICIT));
        try (ScriptedClient client = ScriptedClient.connectTls(server.port(), clientContext())) {
            assertThat(client.expect(220).raw()).containsExactly("220 " + HOSTNAME + " ESMTP Preau");
            List<String> extensions = client.ehlo("laptop");
            assertThat(extensions).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
            client.expect("STARTTLS", 503);
            client.expect("AUTH PLAIN AGFnZW50QGFjLXRlc3QuZnIAc2VjcmV0", 235);
            client.expect("MAIL FROM:<agent@ac-test.fr>", 250);
        }
    }

    @Test
    void implicitTlsRefusesPlainText() throws Exception {
        SmtpServer server = start(submission().tlsMode(TlsMode.IMPLICIT));
        try (ScriptedClient client = ScriptedClient.connect(server.port())) {
            client.send("EHLO laptop");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(server.running()).isTrue();
    }

    @Test
    void aFailedHandshakeEndsOnlyThatSession() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("STARTTLS", 220);
            SSLContext untrusting = SSLContext.getInstance("TLS");
            untrusting.init(null, null, null); // JDK authorities only: the test certificate is not trusted
            assertThatThrownBy(() -> client.startTls(untrusting)).isInstanceOf(SSLException.class);
        }
        try (ScriptedClient client = greeted(server)) {
            client.expect("NOOP", 250);
        }
    }

    @Test
    void noStartTlsWhereTlsIsOff() throws Exception {
        SmtpServer server = start(mx().tlsMode(TlsMode.NONE));
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.ehlo("client.example.org")).doesNotContain("STARTTLS");
            assertThat(client.expect("STARTTLS", 502).enhanced()).isEqualTo("5.5.1");
        }
    }

}
