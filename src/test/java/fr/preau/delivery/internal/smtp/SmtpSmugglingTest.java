package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMTP smuggling (2023, Postfix/Sendmail/Exchange advisories): a message whose content holds
 * an end-of-data look-alike followed by a second, forged transaction. Only CRLF "." CRLF ends
 * DATA here, so the forged commands stay message content and a single message is delivered.
 */
class SmtpSmugglingTest extends SmtpServerTestBase {

    private static final String FORGED = "MAIL FROM:<president@ac-test.fr>\r\nRCPT TO:<victim@ac-test.fr>\r\nDATA\r\n"
            + "From: president@ac-test.fr\r\nSubject: forged\r\n\r\nPay now.\r\n";

    @ParameterizedTest(name = "{index}: end look-alike {0}")
    @ValueSource(strings = {"\\n.\\n", "\\r\\n.\\n", "\\n.\\r\\n", "\\r.\\r", "\\r.\\r\\n", "\\r\\n.\\r", "\\r\\n.\\r\\r\\n"})
    void aLookAlikeEndDoesNotEndTheData(String escaped) throws Exception {
        String lookAlike = escaped.replace("\\r", "\r").replace("\\n", "\n");
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<a@example.org>", 250);
            client.expect("RCPT TO:<b@ac-test.fr>", 250);
            client.expect("DATA", 354);
            client.sendRaw("From: a@example.org\r\nSubject: innocent\r\n\r\nHello." + lookAlike + FORGED + "\r\n.\r\n");
            client.expect(250);
            client.expect("QUIT", 221); // no replies to forged commands came in between
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.envelope().recipients()).containsExactly("b@ac-test.fr");
        assertThat(handler.senders).containsExactly("a@example.org");
        String stored = delivery.withoutTrace();
        assertThat(stored).contains("Subject: innocent", "MAIL FROM:<president@ac-test.fr>", "Pay now.");
        // what is stored has only CRLF line endings, and its lone "." line cannot end anyone's DATA
        assertThat(stored.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(stored).contains("\r\n.\r\n");
    }
}
