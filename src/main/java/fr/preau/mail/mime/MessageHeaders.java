package fr.preau.mail.mime;

import fr.preau.mail.MailAddress;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The header fields of a message that the mail store needs, decoded.
 *
 * @param subject decoded, unfolded, whitespace collapsed; empty when absent
 * @param date parsed leniently, null when absent or unparseable
 * @param messageId without angle brackets, or null
 * @param inReplyTo identifiers without angle brackets
 * @param references identifiers without angle brackets, oldest first
 * @param priority 1 (highest) to 5 (lowest) from {@code X-Priority}, {@code Importance},
 *     {@code X-MSMail-Priority} or {@code Priority}; 3 when none says otherwise
 * @param dispositionNotificationTo where a read receipt is asked to go (empty when not asked)
 * @param listId {@code List-Id} identifier (inside its angle brackets), or null
 * @param autoSubmitted {@code Auto-Submitted} value, lower-case, or null
 * @param precedence {@code Precedence} value, lower-case ({@code bulk}, {@code list},
 *     {@code junk}), or null
 * @param fields every header field in order, decoded, for a "full headers" view (at most
 *     {@value #MAX_FIELDS}, values cut at {@value #MAX_VALUE_LENGTH} characters)
 */
public record MessageHeaders(
        String subject,
        List<MailAddress> from,
        List<MailAddress> sender,
        List<MailAddress> replyTo,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> bcc,
        OffsetDateTime date,
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        int priority,
        List<MailAddress> dispositionNotificationTo,
        String listId,
        String autoSubmitted,
        String precedence,
        List<HeaderField> fields) {

    public static final int MAX_FIELDS = 2000;
    public static final int MAX_VALUE_LENGTH = 65536;

    /** The first field of that name (case-insensitive), decoded, or null. */
    public String first(String name) {
        for (HeaderField field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /** Every field of that name (case-insensitive), decoded, in order. */
    public List<String> all(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(HeaderField::value).toList();
    }

    /** Whether the message says it was sent by a program (auto-reply and loop rules, RFC 3834). */
    public boolean isAutomatic() {
        return (autoSubmitted != null && !autoSubmitted.equals("no"))
                || (precedence != null && (precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")))
                || listId != null;
    }
}
