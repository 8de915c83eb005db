package fr.preau.mail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small RFC 5322 messages for tests. */
final class Messages {

    private Messages() {}

    static String simple(String from, String to, String subject, String messageId, String body) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\n"
                + (messageId == null ? "" : "Message-ID: <" + messageId + ">\r\n")
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    static String reply(String subject, String messageId, String inReplyTo, String references) {
        return "From: a@example.org\r\nTo: b@ac-dijon.fr\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\r\n")
                + (references == null ? "" : "References: " + references + "\r\n")
                + "\r\nbody\r\n";
    }

    static InputStream stream(String message) {
        return new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));
    }
}
