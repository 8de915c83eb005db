package fr.preau.mail.internal.mime;

/**
 * Plain text bodies made readable and comparable: line ends as {@code \n}, control characters
 * dropped, trailing spaces and runs of blank lines removed, {@code format=flowed} (RFC 3676,
 * with {@code delsp}) unwrapped; and the one-line preview of a text.
 */
final class PlainText {

    private PlainText() {}

    static String normalize(String text, boolean flowed, boolean delsp) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        if (flowed) {
            unflow(lines, delsp, out);
        } else {
            for (String line : lines) {
                out.append(line).append('\n');
            }
        }
        return tidy(out);
    }

    /** RFC 3676: a line ending with a space continues on the next line of the same quote depth. */
    private static void unflow(String[] lines, boolean delsp, StringBuilder out) {
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing
            }
            boolean signature = line.equals("-- ");
            boolean soft = !signature && line.endsWith(" ");
            if (paragraph != null && depth != paragraphDepth) {
                emit(out, paragraphDepth, paragraph);
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            if (soft) {
                paragraph.append(delsp ? line.substring(0, line.length() - 1) : line);
            } else {
                paragraph.append(line);
                emit(out, paragraphDepth, paragraph);
                paragraph = null;
            }
        }
        if (paragraph != null) {
            emit(out, paragraphDepth, paragraph);
        }
    }

    private static void emit(StringBuilder out, int depth, CharSequence text) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(' ');
        }
        out.append(text).append('\n');
    }

    /** Removes control characters, trailing spaces of lines, more than one blank line in a row, blank ends. */
    static String tidy(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        boolean started = false;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n') {
                int end = line.length();
                while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t'
                        || line.charAt(end - 1) == '\u00a0')) {
                    end--;
                }
                line.setLength(end);
                if (line.isEmpty()) {
                    blank++;
                } else {
                    if (started) {
                        out.append(blank > 0 ? "\n\n" : "\n");
                    }
                    out.append(line);
                    started = true;
                    blank = 0;
                }
                line.setLength(0);
            } else if (c == '\t' || (c >= ' ' && c != 0x7f && !(c >= 0x80 && c < 0xa0)) || Character.isSurrogate(c)) {
                if (c != '\ufeff') {
                    line.append(c);
                }
            }
        }
        return out.toString();
    }

    /** The text on one line, whitespace collapsed, cut at about {@code max} characters (on a word when possible). */
    static String preview(String text, int max) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 16));
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = !sb.isEmpty();
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        if (sb.length() >= max) {
            int cut = sb.lastIndexOf(" ");
            if (cut > max * 3 / 4) {
                sb.setLength(cut);
            } else {
                sb.setLength(max);
            }
            if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                sb.setLength(sb.length() - 1);
            }
        }
        return sb.toString();
    }
}
