package fr.preau.mail.internal.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Message identifiers from {@code Message-ID}, {@code In-Reply-To} and {@code References}:
 * the text inside angle brackets (without them), whitespace removed; comments and phrases
 * around them ignored; identifiers without brackets accepted when they hold an {@code @}.
 */
public final class MessageIds {

    static final int MAX_IDS = 500;
    static final int MAX_ID_LENGTH = 998;

    private MessageIds() {}

    /** The first identifier of a header value, or null. */
    public static String first(String value) {
        List<String> ids = parse(value, 1);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Every identifier of a header value, in order, without duplicates. */
    public static List<String> all(String value) {
        return parse(value, MAX_IDS);
    }

    private static List<String> parse(String value, int max) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String s = ContentHeader.stripComments(value);
        List<String> ids = new ArrayList<>();
        int i = 0;
        boolean bracketed = false;
        while (ids.size() < max) {
            int open = s.indexOf('<', i);
            if (open < 0) {
                break;
            }
            int close = s.indexOf('>', open + 1);
            if (close < 0) {
                close = s.length();
            }
            bracketed = true;
            add(ids, s.substring(open + 1, close));
            i = close + 1;
            if (i >= s.length()) {
                break;
            }
        }
        if (!bracketed) {
            for (String token : s.split("[\\s,;]+")) {
                if (ids.size() >= max) {
                    break;
                }
                if (token.indexOf('@') > 0) {
                    add(ids, token);
                }
            }
            if (ids.isEmpty() && max > 0) {
                String t = s.strip();
                if (!t.isEmpty() && t.indexOf(' ') < 0) {
                    add(ids, t);
                }
            }
        }
        return List.copyOf(ids);
    }

    private static void add(List<String> ids, String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (!Character.isWhitespace(c) && c != '<' && c != '>') {
                sb.append(c);
            }
        }
        String id = sb.toString();
        if (id.length() > MAX_ID_LENGTH) {
            id = id.substring(0, MAX_ID_LENGTH);
        }
        if (!id.isEmpty() && !ids.contains(id)) {
            ids.add(id);
        }
    }
}
