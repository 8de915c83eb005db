package fr.preau.mail.internal.mime;

import fr.preau.mail.mime.Attachment;

/**
 * Attachment file names made safe to offer for download: directories dropped (Windows and Unix
 * separators), control characters removed, whitespace collapsed, at most 255 characters
 * (extension kept); null when nothing is left.
 */
final class Filenames {

    static final int MAX_LENGTH = 255;

    private Filenames() {}

    static String clean(String name) {
        if (name == null) {
            return null;
        }
        String s = name;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        if (slash >= 0 && slash < s.length() - 1) {
            s = s.substring(slash + 1);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '\\') {
                continue;
            }
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        s = HeaderText.collapseWhitespace(sb.toString());
        while (s.startsWith(".")) {
            s = s.substring(1); // no hidden files, no ".."
        }
        s = s.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > MAX_LENGTH) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return s;
    }
}
