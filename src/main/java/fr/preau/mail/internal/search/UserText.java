package fr.preau.mail.internal.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed, cut into clauses: words, {@code "quoted phrases"} (an unclosed quote
 * runs to the end), each possibly excluded by a leading {@code -}. Every other character is
 * plain text for the analyzers, so nothing typed has a special meaning beyond these two and
 * nothing can fail. Over-long input is cut ({@link #MAX_LENGTH} characters,
 * {@link #MAX_CLAUSES} clauses).
 */
final class UserText {

    static final int MAX_LENGTH = 1000;
    static final int MAX_CLAUSES = 16;

    /**
     * @param text   the words of the clause, raw (analysed per field later)
     * @param prefix the last word typed, to be matched as a prefix as well
     */
    record Clause(String text, boolean phrase, boolean excluded, boolean prefix) {}

    static List<Clause> parse(String input, boolean prefixLastWord) {
        List<Clause> clauses = new ArrayList<>();
        if (input == null) {
            return clauses;
        }
        String text = input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) : input;
        int i = 0;
        int n = text.length();
        while (i < n && clauses.size() < MAX_CLAUSES) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean excluded = false;
            if (text.charAt(i) == '-' && i + 1 < n && !isSpace(text.charAt(i + 1))) {
                excluded = true;
                i++;
            }
            if (isQuote(text.charAt(i))) {
                int start = ++i;
                while (i < n && !isQuote(text.charAt(i))) {
                    i++;
                }
                clauses.add(new Clause(text.substring(start, i), true, excluded, false));
                i++;
            } else {
                int start = i;
                while (i < n && !isSpace(text.charAt(i)) && !isQuote(text.charAt(i))) {
                    i++;
                }
                clauses.add(new Clause(text.substring(start, i), false, excluded, false));
            }
        }
        if (prefixLastWord && !clauses.isEmpty() && !isSpace(text.charAt(text.length() - 1))) {
            Clause last = clauses.getLast();
            if (!last.phrase() && !last.excluded()) {
                clauses.set(clauses.size() - 1, new Clause(last.text(), false, false, true));
            }
        }
        return clauses;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB';
    }

    private UserText() {}
}
