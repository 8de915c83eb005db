package fr.preau.delivery.internal.outbound;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP reply as the queue records it: the basic code (550), the enhanced status code
 * (5.1.1, RFC 3463) when the server gave one or we can infer its class, and the text on one
 * line. Replies we make up ourselves (no MX, connection refused) have the same shape, so that
 * listings and notices read the same whatever went wrong.
 */
record SmtpReply(int code, String enhancedCode, String text) {

    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s+|$)");
    private static final Pattern CODE_PREFIX = Pattern.compile("^\\d{3}[ -]?");
    private static final int MAX_TEXT = 900;

    SmtpReply {
        text = clean(text);
    }

    /** A reply read from a server: {@code response} may span several lines, each starting with the code. */
    static SmtpReply parse(int code, String response) {
        String enhanced = null;
        StringBuilder text = new StringBuilder();
        if (response != null) {
            for (String line : response.split("\\r?\\n")) {
                String rest = CODE_PREFIX.matcher(line.strip()).replaceFirst("");
                Matcher m = ENHANCED.matcher(rest);
                // an enhanced code of the reply's class (a 4.x.x after 550 is text, not a status)
                if (m.find() && m.group(1).equals(String.valueOf(code).substring(0, 1))) {
                    if (enhanced == null) {
                        enhanced = m.group(1) + "." + m.group(2) + "." + m.group(3);
                    }
                    rest = rest.substring(m.end());
                }
                if (!rest.isBlank()) {
                    text.append(text.isEmpty() ? "" : " ").append(rest.strip());
                }
            }
        }
        return new SmtpReply(code, enhanced, text.toString());
    }

    /** A reply of our own making (e.g. 451 4.4.1 for a refused connection). */
    static SmtpReply local(int code, String enhancedCode, String text) {
        return new SmtpReply(code, enhancedCode, text);
    }

    boolean success() {
        return code >= 200 && code < 300;
    }

    boolean permanent() {
        return code >= 500 && code < 600;
    }

    /** The enhanced code, or the generic one of the reply's class (2.0.0, 4.0.0, 5.0.0). */
    String status() {
        if (enhancedCode != null) {
            return enhancedCode;
        }
        return success() ? "2.0.0" : permanent() ? "5.0.0" : "4.0.0";
    }

    /** The whole reply on one line, e.g. {@code 550 5.1.1 User unknown}. */
    @Override
    public String toString() {
        return code + (enhancedCode == null ? "" : " " + enhancedCode) + (text.isEmpty() ? "" : " " + text);
    }

    /** One printable ASCII line: what a remote server says goes into notices and listings. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c < 0x20 || c == 0x7f) {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
