package fr.preau.mail.internal.mime;

import fr.preau.mail.internal.mime.HeaderText.RawHeader;
import java.util.List;
import java.util.Locale;

/**
 * Message priority, 1 (highest) to 5 (lowest), 3 by default, from the first of
 * {@code X-Priority} ({@code 1 (Highest)}), {@code Importance} ({@code high}, {@code low}),
 * {@code X-MSMail-Priority} and {@code Priority} (RFC 2156: {@code urgent}, {@code non-urgent})
 * that gives an answer.
 */
final class Priorities {

    static final int NORMAL = 3;

    private Priorities() {}

    static int of(List<RawHeader> headers) {
        Integer p = xPriority(Headers.first(headers, "x-priority"));
        if (p == null) {
            p = word(Headers.first(headers, "importance"));
        }
        if (p == null) {
            p = word(Headers.first(headers, "x-msmail-priority"));
        }
        if (p == null) {
            p = word(Headers.first(headers, "priority"));
        }
        return p == null ? NORMAL : p;
    }

    static Integer xPriority(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            int d = s.charAt(0) - '0';
            if (s.length() > 1 && Character.isDigit(s.charAt(1))) {
                return null;
            }
            return d >= 1 && d <= 5 ? d : null;
        }
        return word(s);
    }

    static Integer word(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("highest") || s.startsWith("urgent") || s.startsWith("high") || s.startsWith("haute")
                || s.startsWith("élevée") || s.startsWith("elevee")) {
            return 1;
        }
        if (s.startsWith("lowest") || s.startsWith("non-urgent") || s.startsWith("low") || s.startsWith("basse")) {
            return 5;
        }
        if (s.startsWith("normal") || s.startsWith("medium")) {
            return NORMAL;
        }
        return null;
    }
}
