package fr.preau.delivery.internal.smtp;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One SMTP reply: the three-digit code, the RFC 3463 enhanced status code and one or more
 * lines of text. The enhanced code is required on 2xx, 4xx and 5xx replies sent after EHLO
 * (RFC 2034); where one is missing the server adds {@code X.0.0}. Replies are protocol, not
 * user interface: English, US-ASCII (other characters become {@code ?}, line breaks spaces).
 *
 * @param code         200 to 599
 * @param enhancedCode e.g. {@code 5.1.1}, whose class matches the code's; {@code null} for 3xx
 *                     replies and the replies to HELO and EHLO
 * @param lines        the text, one element per line of a multi-line reply
 */
public record SmtpReply(int code, String enhancedCode, List<String> lines) {

    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    /** Any 2xx reply to {@link SmtpHandler#connect} accepts the connection with the usual greeting. */
    public static final SmtpReply READY = of(220, null, "ESMTP Preau");
    public static final SmtpReply OK = of(250, "2.0.0", "Ok");

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("SMTP reply code out of range: " + code);
        }
        if (enhancedCode != null) {
            if (!ENHANCED.matcher(enhancedCode).matches() || enhancedCode.charAt(0) - '0' != code / 100) {
                throw new IllegalArgumentException("Enhanced status code " + enhancedCode + " does not fit " + code);
            }
        }
        if (lines == null || lines.isEmpty()) {
            lines = List.of("");
        }
        lines = lines.stream().map(SmtpReply::clean).toList();
    }

    public static SmtpReply of(int code, String enhancedCode, String text) {
        return new SmtpReply(code, enhancedCode, List.of(text));
    }

    public static SmtpReply of(int code, String enhancedCode, List<String> lines) {
        return new SmtpReply(code, enhancedCode, lines);
    }

    /** 2xx: the command was done. */
    public boolean positive() {
        return code / 100 == 2;
    }

    /** 4xx: refused for now, the client may try again later. */
    public boolean transientFailure() {
        return code / 100 == 4;
    }

    /** 5xx: refused for good. */
    public boolean permanentFailure() {
        return code / 100 == 5;
    }

    /** The lines joined by spaces. */
    public String text() {
        return String.join(" ", lines);
    }

    /** This reply with {@code X.0.0} as enhanced code when it has none and its class takes one. */
    public SmtpReply withEnhancedCode() {
        int kind = code / 100;
        if (enhancedCode != null || kind == 3) {
            return this;
        }
        return new SmtpReply(code, kind + ".0.0", lines);
    }

    /** The reply as sent: every line {@code code[-| ][enhanced ]text CRLF}, the last one with a space. */
    public String wire() {
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            wire.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (enhancedCode != null) {
                wire.append(enhancedCode);
                if (!lines.get(i).isEmpty()) {
                    wire.append(' ');
                }
            }
            wire.append(lines.get(i)).append("\r\n");
        }
        return wire.toString();
    }

    private static String clean(String line) {
        if (line == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            cleaned.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : c < 0x20 || c > 0x7e ? '?' : c);
        }
        return cleaned.toString();
    }

    @Override
    public String toString() {
        return wire().strip();
    }
}
