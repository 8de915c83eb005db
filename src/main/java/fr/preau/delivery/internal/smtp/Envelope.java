package fr.preau.delivery.internal.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The SMTP envelope of one mail transaction, as accepted so far.
 *
 * @param id             transaction identifier (session id and a counter), also in {@code Received:}
 * @param reversePath    the MAIL FROM address, {@code ""} for the null sender {@code <>}
 * @param mailParameters MAIL FROM parameters, names upper case ({@code SIZE}, {@code BODY}, {@code AUTH});
 *                       {@code null} value for a bare keyword
 * @param recipients     the RCPT TO addresses the handler accepted, in order
 */
public record Envelope(String id, String reversePath, Map<String, String> mailParameters, List<String> recipients) {

    public Envelope {
        mailParameters = Collections.unmodifiableMap(new LinkedHashMap<>(mailParameters));
        recipients = List.copyOf(recipients);
    }

    /** Whether the sender is the null reverse path (bounces, notifications). */
    public boolean nullSender() {
        return reversePath.isEmpty();
    }

    /** The size the client announced with {@code SIZE=}, if any. */
    public OptionalLong declaredSize() {
        String size = mailParameters.get("SIZE");
        return size == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(size));
    }

    /** Whether the client announced 8-bit content ({@code BODY=8BITMIME}). */
    public boolean eightBit() {
        return "8BITMIME".equalsIgnoreCase(mailParameters.get("BODY"));
    }
}
