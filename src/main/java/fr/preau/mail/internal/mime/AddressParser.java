package fr.preau.mail.internal.mime;

import fr.preau.mail.MailAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * A lenient RFC 5322 address-list parser for what real mail holds: display names in quotes,
 * RFC 2047 words (also inside quotes, or holding commas), comments used as names
 * ({@code jdoe@example.org (John Doe)}), groups (flattened: their members are listed, the group
 * name dropped), routes, missing or unclosed angle brackets, names without quotes around
 * specials. Whatever cannot be understood is kept as the address text rather than dropped.
 * Linear in the length of the header (a 135 KB folded {@code To:} is parsed in one pass).
 */
final class AddressParser {

    static final int MAX_ADDRESSES = 5000;
    static final int MAX_NAME = 1000;
    static final int MAX_ADDRESS = 998;

    private AddressParser() {}

    private enum Kind { ATOM, QUOTED, COMMENT, ANGLE, COMMA, SEMI, COLON }

    private record Token(Kind kind, String text) {}

    static List<MailAddress> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        boolean inGroup = false;
        for (Token token : tokenize(header)) {
            if (result.size() >= MAX_ADDRESSES) {
                break;
            }
            switch (token.kind) {
                case COMMA -> finish(current, result);
                case SEMI -> {
                    finish(current, result);
                    inGroup = false;
                }
                case COLON -> {
                    if (!inGroup && current.stream().noneMatch(t -> t.kind == Kind.ANGLE)) {
                        current.clear(); // the group's display name: flattened away
                        inGroup = true;
                    } else {
                        current.add(new Token(Kind.ATOM, ":"));
                    }
                }
                default -> current.add(token);
            }
        }
        finish(current, result);
        return List.copyOf(result);
    }

    private static void finish(List<Token> tokens, List<MailAddress> out) {
        if (tokens.isEmpty()) {
            return;
        }
        int angle = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind == Kind.ANGLE) {
                angle = i;
                break;
            }
        }
        String name;
        String address;
        if (angle >= 0) {
            address = cleanAddress(tokens.get(angle).text);
            name = phrase(tokens, 0, angle);
            if (name == null) {
                name = phrase(tokens, angle + 1, tokens.size());
            }
            if (name == null) {
                name = comment(tokens);
            }
        } else {
            int at = -1;
            int words = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind == Kind.ATOM || t.kind == Kind.QUOTED) {
                    words++;
                    if (t.kind == Kind.ATOM && t.text.indexOf('@') >= 0 && !t.text.startsWith("=?")) {
                        at = i;
                    }
                }
            }
            if (words == 0) {
                tokens.clear(); // only comments: "(the end of the group)"
                return;
            }
            if (at >= 0 && words > 1 && glued(tokens)) {
                address = addrSpec(tokens, 0, tokens.size());
                name = comment(tokens);
            } else if (at >= 0 && words > 1) {
                // "John Doe jdoe@example.org": the word with '@' is the address, the rest the name
                address = cleanAddress(tokens.get(at).text);
                String before = phrase(tokens, 0, at);
                String after = phrase(tokens, at + 1, tokens.size());
                name = before != null ? before : after;
                if (name == null) {
                    name = comment(tokens);
                }
            } else if (at < 0 && (words > 1 || firstWord(tokens).startsWith("=?") || firstWordQuoted(tokens))) {
                // only a name ("John Doe", an encoded word): no address at all
                name = phrase(tokens, 0, tokens.size());
                address = "";
            } else {
                address = addrSpec(tokens, 0, tokens.size());
                name = comment(tokens);
            }
        }
        tokens.clear();
        if ((address == null || address.isEmpty()) && name == null && angle < 0) {
            return;
        }
        out.add(new MailAddress(name, address == null ? "" : address));
    }

    private static String firstWord(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.kind == Kind.ATOM || t.kind == Kind.QUOTED) {
                return t.text;
            }
        }
        return "";
    }

    private static boolean firstWordQuoted(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.kind == Kind.ATOM) {
                return false;
            }
            if (t.kind == Kind.QUOTED) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the words form one addr-spec written with spaces or quotes inside
     * ({@code "john doe"@example.org}, {@code jdoe@test . example}): every two neighbours are
     * joined by a dot or an at sign.
     */
    private static boolean glued(List<Token> tokens) {
        String previous = null;
        for (Token t : tokens) {
            if (t.kind != Kind.ATOM && t.kind != Kind.QUOTED) {
                continue;
            }
            if (previous != null) {
                boolean joined = t.kind == Kind.ATOM && (t.text.startsWith(".") || t.text.startsWith("@"))
                        || previous.endsWith(".") || previous.endsWith("@");
                if (!joined) {
                    return false;
                }
            }
            previous = t.kind == Kind.QUOTED ? "\"" : t.text;
        }
        return true;
    }

    private static String addrSpec(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.kind == Kind.ATOM) {
                sb.append(t.text);
            } else if (t.kind == Kind.QUOTED) {
                boolean localPart = i + 1 < to && tokens.get(i + 1).kind == Kind.ATOM && tokens.get(i + 1).text.startsWith("@");
                if (localPart) {
                    sb.append('"').append(t.text).append('"');
                } else {
                    if (!sb.isEmpty()) {
                        sb.append(' ');
                    }
                    sb.append(t.text);
                }
            }
        }
        return cleanAddress(sb.toString());
    }

    private static String phrase(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.kind == Kind.ATOM || t.kind == Kind.QUOTED) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(t.text);
            }
        }
        return name(sb.toString());
    }

    private static String comment(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.kind == Kind.COMMENT) {
                String n = name(t.text);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private static String name(String text) {
        String decoded = HeaderText.collapseWhitespace(EncodedWords.decode(text));
        if (decoded.length() >= 2 && decoded.startsWith("\"") && decoded.endsWith("\"")) {
            decoded = decoded.substring(1, decoded.length() - 1).trim(); // "\"Name\"" after decoding
        }
        if (decoded.length() > MAX_NAME) {
            decoded = decoded.substring(0, MAX_NAME);
        }
        return decoded.isEmpty() ? null : decoded;
    }

    static String cleanAddress(String text) {
        String s = ContentHeader.stripComments(text).trim();
        StringBuilder sb = new StringBuilder(s.length());
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
                continue;
            }
            sb.append(c);
        }
        s = sb.toString();
        if (s.startsWith("@")) {
            int colon = s.indexOf(':');
            if (colon > 0) {
                s = s.substring(colon + 1); // obsolete route: <@a.example,@b.example:user@c.example>
            }
        }
        while (s.startsWith("<")) {
            s = s.substring(1);
        }
        while (s.endsWith(">")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > MAX_ADDRESS ? s.substring(0, MAX_ADDRESS) : s;
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        sb.append(s.charAt(i + 1));
                        i += 2;
                    } else if (d == '"') {
                        i++;
                        break;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                tokens.add(new Token(Kind.QUOTED, sb.toString()));
            } else if (c == '(') {
                StringBuilder sb = new StringBuilder();
                int depth = 1;
                i++;
                while (i < n && depth > 0) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        sb.append(s.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                        if (depth == 0) {
                            i++;
                            break;
                        }
                    }
                    sb.append(d);
                    i++;
                }
                tokens.add(new Token(Kind.COMMENT, sb.toString()));
            } else if (c == '<') {
                int close = s.indexOf('>', i + 1);
                int end;
                if (close < 0) {
                    int comma = s.indexOf(',', i + 1);
                    end = comma < 0 ? n : comma;
                    tokens.add(new Token(Kind.ANGLE, s.substring(i + 1, end)));
                    i = end;
                } else {
                    tokens.add(new Token(Kind.ANGLE, s.substring(i + 1, close)));
                    i = close + 1;
                }
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ","));
                i++;
            } else if (c == ';') {
                tokens.add(new Token(Kind.SEMI, ";"));
                i++;
            } else if (c == ':') {
                tokens.add(new Token(Kind.COLON, ":"));
                i++;
            } else if (c == '>' || c == ')') {
                i++;
            } else {
                int start = i;
                if (c == '=' && i + 1 < n && s.charAt(i + 1) == '?') {
                    int end = encodedWordEnd(s, i);
                    if (end > 0) {
                        tokens.add(new Token(Kind.ATOM, s.substring(i, end)));
                        i = end;
                        continue;
                    }
                }
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '"' || d == '(' || d == '<'
                            || d == ',' || d == ';' || d == ':' || d == '>' || d == ')') {
                        break;
                    }
                    i++;
                }
                tokens.add(new Token(Kind.ATOM, s.substring(start, i)));
            }
        }
        return tokens;
    }

    /** End of an RFC 2047 word starting at {@code i} (even holding specials), or -1. */
    private static int encodedWordEnd(String s, int i) {
        int q1 = s.indexOf('?', i + 2);
        if (q1 < 0 || q1 + 2 >= s.length() || s.charAt(q1 + 2) != '?') {
            return -1;
        }
        int close = s.indexOf("?=", q1 + 3);
        if (close < 0 || close - i > 1000) {
            return -1;
        }
        String payload = s.substring(q1 + 3, close);
        if (payload.indexOf(' ') >= 0 || payload.indexOf('<') >= 0) {
            return -1;
        }
        return close + 2;
    }
}
