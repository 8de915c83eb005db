package fr.preau.mail.internal.mime;

import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Header field text as mail stores need it: the raw bytes of a field (8-bit values read as
 * UTF-8 when valid, else windows-1252), unfolded (line breaks of folding removed), and helpers
 * to decode and tidy values for display.
 */
final class HeaderText {

    private HeaderText() {}

    /** A field's name and its unfolded, undecoded value from the field's raw bytes. */
    record RawHeader(String name, String value) {}

    static RawHeader of(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return new RawHeader(field.getName(), unfold(field.getBody() == null ? "" : field.getBody()));
        }
        byte[] bytes = raw.toByteArray();
        int colon = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return new RawHeader(field.getName(), "");
        }
        String name = new String(bytes, 0, colon, StandardCharsets.ISO_8859_1).trim();
        int start = colon + 1;
        String value = Charsets.decodeUndeclared(bytes, start, bytes.length - start);
        return new RawHeader(name, unfold(value).strip());
    }

    /** Removes the CR and LF of folding; the whitespace that follows them stays. */
    static String unfold(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Runs of whitespace (and control characters) become one space; the ends are trimmed. */
    static String collapseWhitespace(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = !sb.isEmpty();
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A value for display: RFC 2047 words decoded, whitespace collapsed. */
    static String display(String value) {
        return value == null ? null : collapseWhitespace(EncodedWords.decode(value));
    }
}
