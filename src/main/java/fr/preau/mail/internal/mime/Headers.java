package fr.preau.mail.internal.mime;

import fr.preau.mail.MailAddress;
import fr.preau.mail.mime.Envelope;
import fr.preau.mail.mime.HeaderField;
import fr.preau.mail.mime.MessageHeaders;

import fr.preau.mail.internal.mime.HeaderText.RawHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link MessageHeaders} and {@link Envelope} from a message's raw header fields. */
final class Headers {

    private Headers() {}

    static String first(List<RawHeader> headers, String name) {
        for (RawHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** Every value of that name joined with {@code separator}, or null when there is none. */
    static String joined(List<RawHeader> headers, String name, String separator) {
        StringBuilder sb = null;
        for (RawHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                if (sb == null) {
                    sb = new StringBuilder(h.value());
                } else {
                    sb.append(separator).append(h.value());
                }
            }
        }
        return sb == null ? null : sb.toString();
    }

    static List<MailAddress> addresses(List<RawHeader> headers, String name) {
        return AddressParser.parse(joined(headers, name, ", "));
    }

    static MessageHeaders message(List<RawHeader> headers) {
        String subject = first(headers, "subject");
        List<HeaderField> fields = new ArrayList<>(Math.min(headers.size(), MessageHeaders.MAX_FIELDS));
        for (RawHeader h : headers) {
            if (fields.size() >= MessageHeaders.MAX_FIELDS) {
                break;
            }
            String value = EncodedWords.decode(h.value());
            if (value.length() > MessageHeaders.MAX_VALUE_LENGTH) {
                value = value.substring(0, MessageHeaders.MAX_VALUE_LENGTH);
            }
            fields.add(new HeaderField(h.name(), value));
        }
        return new MessageHeaders(
                subject == null ? "" : cut(HeaderText.display(subject)),
                AddressParser.parse(first(headers, "from")),
                AddressParser.parse(first(headers, "sender")),
                AddressParser.parse(first(headers, "reply-to")),
                addresses(headers, "to"),
                addresses(headers, "cc"),
                addresses(headers, "bcc"),
                DateParser.parse(first(headers, "date")),
                MessageIds.first(first(headers, "message-id")),
                MessageIds.all(first(headers, "in-reply-to")),
                MessageIds.all(joined(headers, "references", " ")),
                Priorities.of(headers),
                AddressParser.parse(first(headers, "disposition-notification-to")),
                listId(first(headers, "list-id")),
                token(first(headers, "auto-submitted")),
                token(first(headers, "precedence")),
                List.copyOf(fields));
    }

    static Envelope envelope(List<RawHeader> headers) {
        String subject = first(headers, "subject");
        return new Envelope(
                trimmed(first(headers, "date")),
                subject == null ? null : cut(HeaderText.display(subject)),
                AddressParser.parse(first(headers, "from")),
                AddressParser.parse(first(headers, "sender")),
                AddressParser.parse(first(headers, "reply-to")),
                addresses(headers, "to"),
                addresses(headers, "cc"),
                addresses(headers, "bcc"),
                trimmed(first(headers, "in-reply-to")),
                trimmed(first(headers, "message-id")));
    }

    static final int MAX_TEXT = 16 * 1024;

    /** Cuts text meant for display and for the cached structure at {@value #MAX_TEXT} characters. */
    static String cut(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.length() > 998 ? t.substring(0, 998) : t;
    }

    private static String listId(String value) {
        if (value == null) {
            return null;
        }
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        String id = open >= 0 && close > open ? value.substring(open + 1, close) : value;
        id = id.strip();
        return id.isEmpty() ? null : id.toLowerCase(Locale.ROOT);
    }

    /** The first word of a value, lower-case: {@code auto-replied} of {@code auto-replied; owner-email=...}. */
    private static String token(String value) {
        if (value == null) {
            return null;
        }
        String s = ContentHeader.stripComments(value).strip();
        int end = 0;
        while (end < s.length() && s.charAt(end) != ';' && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        s = s.substring(0, end).toLowerCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }
}
