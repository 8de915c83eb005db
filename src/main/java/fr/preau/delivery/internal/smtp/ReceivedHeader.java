package fr.preau.delivery.internal.smtp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The trace field the server puts first in every message it accepts (RFC 5321 section 4.4),
 * with the protocol keywords of RFC 3848, e.g.
 * <pre>
 * Received: from mail.example.org (mail.example.org [192.0.2.7])
 *         (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)
 *         by mx.ac-dijon.fr (Preau) with ESMTPS id 3f2a9c0d71e4b8a5.1
 *         for &lt;agent@ac-dijon.fr&gt;; Tue, 24 Nov 2026 10:02:11 +0100
 * </pre>
 * US-ASCII only ("Preau", not "Préau": header fields are 7-bit without SMTPUTF8); the
 * client's HELO name is reduced to characters that cannot change the field's structure.
 */
final class ReceivedHeader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private ReceivedHeader() {}

    static byte[] build(SmtpSessionInfo session, String hostname, Envelope envelope, ZonedDateTime when) {
        InetAddress ip = session.remoteIp();
        String literal = ip instanceof Inet6Address ? "IPv6:" + Addresses.text(ip) : Addresses.text(ip);
        String helo = session.heloName().map(ReceivedHeader::safe).orElse("unknown");
        String name = session.remoteHostName().map(ReceivedHeader::safe).orElse("unknown");
        StringBuilder field = new StringBuilder("Received: from ").append(helo)
                .append(" (").append(name).append(" [").append(literal).append("])\r\n");
        session.tls().ifPresent(tls -> field.append("\t(using ").append(safe(tls.protocol()))
                .append(" with cipher ").append(safe(tls.cipherSuite())).append(")\r\n"));
        field.append("\tby ").append(safe(hostname)).append(" (Preau) with ").append(protocol(session))
                .append(" id ").append(envelope.id());
        if (envelope.recipients().size() == 1) {
            field.append("\r\n\tfor <").append(safeAddress(envelope.recipients().getFirst())).append('>');
        }
        field.append("; ").append(DATE.format(when)).append("\r\n");
        return field.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 3848: SMTP after HELO, ESMTP after EHLO, with S for TLS and A for authenticated. */
    static String protocol(SmtpSessionInfo session) {
        if (!session.extended()) {
            return "SMTP";
        }
        return "ESMTP" + (session.secure() ? "S" : "") + (session.authenticatedUser().isPresent() ? "A" : "");
    }

    /** Letters, digits and {@code . - _ : [ ]}; anything else becomes {@code _}. */
    static String safe(String text) {
        StringBuilder safe = new StringBuilder(Math.min(text.length(), 255));
        for (int i = 0; i < text.length() && i < 255; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ".-_:[]".indexOf(c) >= 0;
            safe.append(allowed ? c : '_');
        }
        return safe.isEmpty() ? "unknown" : safe.toString();
    }

    private static String safeAddress(String address) {
        StringBuilder safe = new StringBuilder(address.length());
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            safe.append(c < 33 || c > 126 || c == '<' || c == '>' || c == ';' ? '_' : c);
        }
        return safe.toString();
    }
}
