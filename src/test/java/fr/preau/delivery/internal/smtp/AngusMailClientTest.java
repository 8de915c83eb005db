package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real client library against the server: Angus Mail (Jakarta Mail), as Thunderbird or
 * Outlook would do it: STARTTLS and AUTH on submission, implicit TLS, several recipients,
 * 8-bit content.
 */
class AngusMailClientTest extends SmtpServerTestBase {

    private static final String USER = "agent@ac-test.fr";
    private static final String PASSWORD = "mot de passe très secret";

    @BeforeEach
    void account() {
        handler.withUser(USER, PASSWORD);
    }

    @Test
    void sendsOverStartTlsWithAuth() throws Exception {
        SmtpServer server = start(submission());
        Session session = session("smtp", server.port(), true);
        MimeMessage message = message(session, "Bonjour", "Le conseil de classe est lundi.");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("localhost", server.port(), USER, PASSWORD);
            transport.sendMessage(message, message.getAllRecipients());
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.user()).hasValue(USER);
        assertThat(delivery.tls()).isPresent();
        assertThat(delivery.envelope().reversePath()).isEqualTo(USER);
        assertThat(delivery.envelope().recipients()).containsExactly("parent@example.org");
        assertThat(delivery.text()).contains("with ESMTPSA", "Subject: Bonjour", "Le conseil de classe est lundi.");
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(delivery.bytes()));
        assertThat(parsed.getSubject()).isEqualTo("Bonjour");
        assertThat(parsed.getHeader("Received")).hasSize(1);
    }

    @Test
    void aWrongPasswordIsReportedByTheClient() throws Exception {
        SmtpServer server = start(submission());
        Session session = session("smtp", server.port(), true);
        try (Transport transport = session.getTransport("smtp")) {
            assertThatThrownBy(() -> transport.connect("localhost", server.port(), USER, "wrong"))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("535 5.7.8");
        }
        assertThat(handler.deliveries).isEmpty();
    }

    @Test
    void sendsOverImplicitTls() throws Exception {
        SmtpServer server = start(submission().tlsMode(TlsMode.IMPLICIT));
        Session session = session("smtps", server.port(), true);
        MimeMessage message = message(session, "Par TLS", "Directement chiffré.");
        try (Transport transport = session.getTransport("smtps")) {
            transport.connect("localhost", server.port(), USER, PASSWORD);
            transport.sendMessage(message, message.getAllRecipients());
        }
        assertThat(handler.onlyDelivery().tls()).hasValueSatisfying(tls -> assertThat(tls.protocol()).isEqualTo("TLSv1.3"));
    }

    @Test
    void sendsToSeveralRecipientsAndReportsTheRefusedOnes() throws Exception {
        handler.unknownRecipients.add("nobody@ac-test.fr");
        SmtpServer server = start(mx());
        Session session = session("smtp", server.port(), false);
        session.getProperties().put("mail.smtp.sendpartial", "true");
        MimeMessage message = message(session, "Réunion", "Pour toute l'équipe.");
        message.setRecipients(Message.RecipientType.TO, "a@ac-test.fr, b@ac-test.fr, nobody@ac-test.fr");
        message.setRecipients(Message.RecipientType.CC, "c@ac-test.fr");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("localhost", server.port(), null, null);
            assertThatThrownBy(() -> transport.sendMessage(message, message.getAllRecipients()))
                    .isInstanceOfSatisfying(SendFailedException.class, e -> {
                        assertThat(addresses(e.getInvalidAddresses())).containsExactly("nobody@ac-test.fr");
                        assertThat(addresses(e.getValidSentAddresses()))
                                .containsExactlyInAnyOrder("a@ac-test.fr", "b@ac-test.fr", "c@ac-test.fr");
                    });
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.envelope().recipients()).containsExactly("a@ac-test.fr", "b@ac-test.fr", "c@ac-test.fr");
        assertThat(delivery.tls()).isPresent(); // STARTTLS as the MX offers it
        assertThat(delivery.text()).contains("with ESMTPS");
    }

    @Test
    void sendsEightBitContentAsIs() throws Exception {
        SmtpServer server = start(mx());
        Session session = session("smtp", server.port(), false);
        session.getProperties().put("mail.smtp.allow8bitmime", "true");
        // Angus Mail sends 8-bit content to a server offering 8BITMIME, but never says BODY=8BITMIME itself
        session.getProperties().put("mail.smtp.mailextension", "BODY=8BITMIME");
        String text = "Élèves, parents : la réunion aura lieu à 18 h, salle Lamartine. Ça vous convient ?";
        MimeMessage message = message(session, "Réunion à 18 h", text);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("localhost", server.port(), null, null);
            transport.sendMessage(message, message.getAllRecipients());
        }
        RecordingHandler.Delivery delivery = handler.onlyDelivery();
        assertThat(delivery.envelope().eightBit()).isTrue();
        assertThat(delivery.text()).contains("Content-Transfer-Encoding: 8bit", text);
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(delivery.bytes()));
        assertThat(parsed.getSubject()).isEqualTo("Réunion à 18 h");
        assertThat(((String) parsed.getContent()).strip()).isEqualTo(text);
    }

    @Test
    void dotsAtTheStartOfLinesSurviveTheRoundTrip() throws Exception {
        SmtpServer server = start(mx());
        Session session = session("smtp", server.port(), false);
        String text = "Line one\r\n.\r\n..two dots\r\n.leading dot\r\nend";
        MimeMessage message = message(session, "Dots", text);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("localhost", server.port(), null, null);
            transport.sendMessage(message, message.getAllRecipients());
        }
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(handler.onlyDelivery().bytes()));
        assertThat(((String) parsed.getContent()).replace("\r\n", "\n").strip()).isEqualTo(text.replace("\r\n", "\n"));
    }

    private Session session(String protocol, int port, boolean auth) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", "localhost");
        properties.put(prefix + "port", String.valueOf(port));
        properties.put(prefix + "auth", String.valueOf(auth));
        properties.put(prefix + "starttls.enable", "true");
        properties.put(prefix + "starttls.required", String.valueOf(protocol.equals("smtp") && auth));
        properties.put(prefix + "ssl.socketFactory", clientContext().getSocketFactory());
        properties.put(prefix + "ssl.checkserveridentity", "true");
        properties.put(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
        properties.put(prefix + "connectiontimeout", "10000");
        properties.put(prefix + "timeout", "10000");
        properties.put(prefix + "localhost", "laptop.ac-test.fr");
        return Session.getInstance(properties);
    }

    private static MimeMessage message(Session session, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(USER));
        message.setRecipients(Message.RecipientType.TO, "parent@example.org");
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    private static String[] addresses(Address[] addresses) {
        if (addresses == null) {
            return new String[0];
        }
        String[] text = new String[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            text[i] = ((InternetAddress) addresses[i]).getAddress();
        }
        return text;
    }

}
