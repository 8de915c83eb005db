package fr.preau.delivery.durability;

import fr.preau.delivery.internal.smtp.ScriptedClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * SMTP as the durability tests speak it, over {@link ScriptedClient} (exact reply codes, no
 * client library retrying behind the test's back): an MX session from an outside server, a
 * submission session (STARTTLS then AUTH PLAIN), and one message sent in a session with the
 * reply to its end of DATA, or to the command that refused it.
 */
final class Smtp {

    /** The Message-ID domain of every message the tests make. */
    static final String MESSAGE_ID_DOMAIN = "durability.test";
    static final String PASSWORD = "Marelle-Cerf-Volant-84!";

    private Smtp() {}

    /** A message with a unique Message-ID (without angle brackets). */
    record Mail(String messageId, String from, List<String> to, byte[] bytes) {}

    /** The reply that ended a message: to DATA's end, or to the MAIL, RCPT or DATA that refused it. */
    record Outcome(int code, String reply, String step) {
        boolean accepted() {
            return code == 250 && step.equals("end of DATA");
        }
    }

    /** An RFC 5322 message of about {@code bodyBytes} bytes (CRLF lines, none starting with a dot). */
    static Mail mail(String label, String from, List<String> to, int bodyBytes) {
        String id = label + "." + UUID.randomUUID() + "@" + MESSAGE_ID_DOMAIN;
        StringBuilder text = new StringBuilder();
        text.append("From: ").append(from).append("\r\n");
        text.append("To: ").append(String.join(", ", to)).append("\r\n");
        text.append("Subject: Durability ").append(label).append("\r\n");
        text.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n");
        text.append("Message-ID: <").append(id).append(">\r\n");
        text.append("MIME-Version: 1.0\r\n");
        text.append("Content-Type: text/plain; charset=UTF-8\r\n");
        text.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        text.append("Bonjour,\r\n\r\nvoici le compte rendu de la réunion ").append(label).append(".\r\n\r\n");
        int line = 0;
        while (text.length() < bodyBytes) {
            text.append("Ligne ").append(line++).append(" du compte rendu : les élèves, les classes, l'emploi du temps.\r\n");
        }
        text.append("\r\nCordialement\r\n");
        return new Mail(id, from, List.copyOf(to), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A session with the MX, after the greeting and EHLO. */
    static ScriptedClient mx(int port) throws IOException {
        ScriptedClient client = ScriptedClient.connect(port);
        client.expect(220);
        client.ehlo("relay.example.org");
        return client;
    }

    /** A submission session of {@code login}: EHLO, STARTTLS, EHLO again, AUTH PLAIN accepted. */
    static ScriptedClient submission(int port, String login) throws IOException {
        ScriptedClient client = ScriptedClient.connect(port);
        client.expect(220);
        client.ehlo("poste.ac-dijon.fr");
        client.expect("STARTTLS", 220);
        client.startTls(trustingEveryCertificate());
        client.ehlo("poste.ac-dijon.fr");
        String plain = Base64.getEncoder().encodeToString(("\0" + login + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        client.expect("AUTH PLAIN " + plain, 235);
        return client;
    }

    /**
     * Sends one message in an open session; the outcome is the first refusal or the reply to
     * the end of DATA. A broken connection throws: the message's fate is then unknown.
     */
    static Outcome send(ScriptedClient client, String envelopeFrom, Mail mail) throws IOException {
        ScriptedClient.Reply reply = client.command("MAIL FROM:<" + envelopeFrom + ">");
        if (reply.code() != 250) {
            return new Outcome(reply.code(), reply.toString(), "MAIL");
        }
        int accepted = 0;
        ScriptedClient.Reply refusal = null;
        for (String rcpt : mail.to()) {
            reply = client.command("RCPT TO:<" + rcpt + ">");
            if (reply.code() == 250) {
                accepted++;
            } else if (refusal == null) {
                refusal = reply;
            }
        }
        if (refusal != null) {
            client.expect("RSET", 250);
            return new Outcome(refusal.code(), refusal.toString(), "RCPT");
        }
        reply = client.command("DATA");
        if (reply.code() != 354) {
            return new Outcome(reply.code(), reply.toString(), "DATA");
        }
        return endData(client, mail);
    }

    /** After DATA's 354: the message, the final dot, and the reply to them. */
    static Outcome endData(ScriptedClient client, Mail mail) throws IOException {
        client.sendRaw(dotStuffed(mail.bytes()));
        client.sendRaw(".\r\n");
        ScriptedClient.Reply reply = client.read();
        return new Outcome(reply.code(), reply.toString(), "end of DATA");
    }

    static byte[] dotStuffed(byte[] crlf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(crlf.length + 64);
        boolean lineStart = true;
        for (byte b : crlf) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        return out.toByteArray();
    }

    /** The Message-ID of a raw message (without angle brackets), or null. */
    static String messageId(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        String header = headerEnd < 0 ? text : text.substring(0, headerEnd);
        for (String line : header.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                return stripBrackets(line.substring("message-id:".length()));
            }
        }
        return null;
    }

    static String stripBrackets(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The server's certificate is its own self-signed one: the tests check behaviour, not PKI. */
    static SSLContext trustingEveryCertificate() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
            @Override public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
