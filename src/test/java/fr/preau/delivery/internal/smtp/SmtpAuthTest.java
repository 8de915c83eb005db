package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AUTH PLAIN and LOGIN on the submission listener, after STARTTLS, over real sockets. */
class SmtpAuthTest extends SmtpServerTestBase {

    private static final String USER = "agent@ac-test.fr";
    private static final String PASSWORD = "Correct horse battery staple";

    @BeforeEach
    void account() {
        handler.withUser(USER, PASSWORD);
    }

    /** A client on the submission listener that has done STARTTLS and EHLO. */
    private ScriptedClient secured(SmtpServer server) throws Exception {
        ScriptedClient client = greeted(server);
        client.ehlo("laptop");
        client.expect("STARTTLS", 220);
        client.startTls(clientContext());
        assertThat(client.ehlo("laptop")).contains("AUTH PLAIN LOGIN");
        return client;
    }

    @Test
    void plainWithInitialResponse() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 235).raw())
                    .containsExactly("235 2.7.0 Authentication successful");
            assertThat(client.ehlo("laptop")).noneMatch(line -> line.startsWith("AUTH"));
            client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 503);
            client.expect("MAIL FROM:<agent@ac-test.fr>", 250);
            client.expect("RCPT TO:<someone@example.org>", 250);
            client.expect("DATA", 354);
            client.sendRaw("Subject: sent\r\n\r\nfrom my laptop\r\n.\r\n");
            client.expect(250);
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.user()).hasValue(USER);
        assertThat(delivery.listener()).isEqualTo(ListenerKind.SUBMISSION);
        assertThat(delivery.text()).contains("with ESMTPSA id");
    }

    @Test
    void plainWithChallengeAndAuthorizationIdentity() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("AUTH PLAIN", 334).raw()).containsExactly("334 ");
            client.expect(plain(USER, USER, PASSWORD), 235);
        }
    }

    @Test
    void plainForSomebodyElseIsRefused() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            client.expect("AUTH PLAIN " + plain("boss@ac-test.fr", USER, PASSWORD), 535);
        }
    }

    @Test
    void loginWithChallenges() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("AUTH LOGIN", 334).raw()).containsExactly("334 VXNlcm5hbWU6");
            assertThat(client.expect(base64(USER), 334).raw()).containsExactly("334 UGFzc3dvcmQ6");
            client.expect(base64(PASSWORD), 235);
            client.expect("MAIL FROM:<agent@ac-test.fr>", 250);
        }
    }

    @Test
    void loginWithInitialResponse() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("auth login " + base64(USER), 334).raw()).containsExactly("334 UGFzc3dvcmQ6");
            client.expect(base64(PASSWORD), 235);
        }
    }

    @Test
    void wrongPasswords() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("AUTH PLAIN " + plain("", USER, "wrong"), 535).raw())
                    .containsExactly("535 5.7.8 Authentication credentials invalid");
            client.expect("AUTH LOGIN", 334);
            client.expect(base64(USER), 334);
            client.expect(base64("also wrong"), 535);
            client.expect("MAIL FROM:<agent@ac-test.fr>", 530);
            client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 235);
        }
        assertThat(handler.authAttempts).containsExactly(USER, USER, USER);
    }

    @Test
    void cancelWithAStar() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            client.expect("AUTH LOGIN", 334);
            assertThat(client.expect("*", 501).enhanced()).isEqualTo("5.7.0");
            client.expect("AUTH LOGIN", 334);
            client.expect(base64(USER), 334);
            client.expect("*", 501);
            client.expect("AUTH PLAIN", 334);
            client.expect("*", 501);
            client.expect("NOOP", 250);
        }
        assertThat(handler.authAttempts).isEmpty();
    }

    @Test
    void malformedResponses() throws Exception {
        SmtpServer server = start(submission().maxErrors(50));
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("AUTH PLAIN not-base64!", 501).enhanced()).isEqualTo("5.5.2");
            client.expect("AUTH PLAIN " + base64("no separators"), 501);
            client.expect("AUTH CRAM-MD5", 504);
            client.expect("AUTH", 501);
            client.expect("AUTH PLAIN", 334);
            assertThat(client.expect("A".repeat(13_000), 500).enhanced()).isEqualTo("5.5.6");
            client.expect("NOOP", 250);
        }
        assertThat(handler.authAttempts).isEmpty();
    }

    @Test
    void mailWithoutAuthIsRefusedOnSubmission() throws Exception {
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("MAIL FROM:<agent@ac-test.fr>", 530).raw())
                    .containsExactly("530 5.7.0 Authentication required");
        }
        assertThat(handler.senders).isEmpty();
    }

    @Test
    void authIsNeverAcceptedInPlainText() throws Exception {
        SmtpServer server = start(mx().authEnabled(true));
        try (ScriptedClient client = greeted(server)) {
            assertThat(client.ehlo("laptop")).noneMatch(line -> line.startsWith("AUTH"));
            assertThat(client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 538).raw())
                    .containsExactly("538 5.7.11 Encryption required for requested authentication mechanism");
            client.expect("AUTH LOGIN", 538);
            client.expect("STARTTLS", 220);
            client.startTls(clientContext());
            assertThat(client.ehlo("laptop")).contains("AUTH PLAIN LOGIN");
            client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 235);
            // not required on the MX
        }
        assertThat(handler.authAttempts).containsExactly(USER);
    }

    @Test
    void noAuthOnTheMxUnlessConfigured() throws Exception {
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("STARTTLS", 220);
            client.startTls(clientContext());
            assertThat(client.ehlo("client.example.org")).noneMatch(line -> line.startsWith("AUTH"));
            assertThat(client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 503).enhanced()).isEqualTo("5.5.1");
        }
        assertThat(handler.authAttempts).isEmpty();
    }

    @Test
    void authNeedsEhlo() throws Exception {
        SmtpServer server = start(mx().authEnabled(true).tlsMode(TlsMode.IMPLICIT));
        try (ScriptedClient client = ScriptedClient.connectTls(server.port(), clientContext())) {
            client.expect(220);
            client.expect("HELO laptop", 250);
            client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 503); // needs EHLO
        }
    }

    @Test
    void aFailingDirectoryGivesATemporaryFailure() throws Exception {
        handler.failAuthentication = true;
        SmtpServer server = start(submission());
        try (ScriptedClient client = secured(server)) {
            assertThat(client.expect("AUTH PLAIN " + plain("", USER, PASSWORD), 454).raw())
                    .containsExactly("454 4.7.0 Temporary authentication failure");
        }
    }

    private static String plain(String authorization, String user, String password) {
        return base64(authorization + "\0" + user + "\0" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
