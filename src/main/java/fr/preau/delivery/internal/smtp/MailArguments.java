package fr.preau.delivery.internal.smtp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The argument of MAIL and RCPT: {@code FROM:} or {@code TO:}, a path in angle brackets and
 * optional ESMTP parameters {@code KEY[=VALUE]} (RFC 5321 section 4.1.2). Lenient where
 * clients commonly are (spaces after the colon, a missing pair of brackets), strict on the
 * address itself. A source route ({@code <@relay:user@domain>}) is dropped, as RFC 5321 asks.
 *
 * @param address    the mailbox, {@code ""} for {@code <>}
 * @param parameters names upper case, values as given ({@code null} for a bare keyword), in order
 */
record MailArguments(String address, Map<String, String> parameters) {

    static final int MAX_PATH = 256;
    private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    /** Why an argument was refused. */
    enum Problem {
        /** Not {@code FROM:<...>} / {@code TO:<...>} at all. */
        SYNTAX,
        /** The address is not a valid mailbox. */
        ADDRESS,
        /** Non-ASCII address, without SMTPUTF8. */
        NON_ASCII,
        /** A malformed or repeated parameter. */
        PARAMETER
    }

    static final class Invalid extends Exception {
        private final Problem problem;

        Invalid(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /** Parses {@code argument}, which must start with {@code keyword} ({@code FROM:} or {@code TO:}). */
    static MailArguments parse(String argument, String keyword, boolean postmasterAllowed) throws Invalid {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new Invalid(Problem.SYNTAX);
        }
        String rest = argument.substring(keyword.length()).stripLeading();
        String path;
        String remainder;
        if (rest.startsWith("<")) {
            int close = closingBracket(rest);
            if (close < 0) {
                throw new Invalid(Problem.ADDRESS);
            }
            path = rest.substring(1, close);
            remainder = rest.substring(close + 1);
            if (!remainder.isEmpty() && remainder.charAt(0) != ' ') {
                throw new Invalid(Problem.SYNTAX);
            }
        } else {
            int space = rest.indexOf(' ');
            path = space < 0 ? rest : rest.substring(0, space);
            remainder = space < 0 ? "" : rest.substring(space);
            if (path.isEmpty() || path.contains("<") || path.contains(">")) {
                throw new Invalid(Problem.SYNTAX);
            }
        }
        String address = withoutSourceRoute(path);
        if (!MailboxSyntax.ascii(address)) {
            throw new Invalid(Problem.NON_ASCII);
        }
        boolean postmaster = postmasterAllowed && address.equalsIgnoreCase("postmaster");
        if (path.length() > MAX_PATH || !address.isEmpty() && !postmaster && !MailboxSyntax.valid(address)) {
            throw new Invalid(Problem.ADDRESS);
        }
        return new MailArguments(address, parameters(remainder));
    }

    private static int closingBracket(String text) {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutSourceRoute(String path) throws Invalid {
        if (!path.startsWith("@")) {
            return path;
        }
        int colon = path.indexOf(':');
        if (colon < 0) {
            throw new Invalid(Problem.ADDRESS);
        }
        for (String hop : path.substring(0, colon).split(",", -1)) {
            if (!hop.startsWith("@") || !MailboxSyntax.validDomainOrLiteral(hop.substring(1))) {
                throw new Invalid(Problem.ADDRESS);
            }
        }
        return path.substring(colon + 1);
    }

    private static Map<String, String> parameters(String text) throws Invalid {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String item : text.strip().split(" +")) {
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            String key = (equals < 0 ? item : item.substring(0, equals)).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? null : item.substring(equals + 1);
            if (!KEYWORD.matcher(key).matches() || value != null && !validValue(value)
                    || parameters.containsKey(key)) {
                throw new Invalid(Problem.PARAMETER);
            }
            parameters.put(key, value);
        }
        return Collections.unmodifiableMap(parameters);
    }

    private static boolean validValue(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 33 || c > 126 || c == '=') {
                return false;
            }
        }
        return true;
    }
}
