package fr.preau.mail.internal.mime;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base subject used for threading and subject sort (in the spirit of RFC 5256): reply and
 * forward prefixes of French, English and the usual other languages removed, however many
 * and in whatever case ({@code Re:}, {@code RE :}, {@code Re[2]:}, {@code Fwd:}, {@code TR:},
 * {@code Fw:}, {@code AW:}, {@code WG:}, {@code SV:}, {@code Réf. :}...), leading list tags
 * ({@code [liste-dsden]}) and a trailing {@code (fwd)} removed, whitespace collapsed, lower-cased.
 */
final class Subjects {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:re|r|rép|rep|réf|ref|fwd?|tr|trans|aw|wg|sv|vs|antw|doorst|rif|odp|pd|ynt|enc|res|rv|fs|vb|"
                    + "atb|bls|vl|sv|továbbítás|回复|回覆|转发|轉寄|答复)"
                    + "\\.?\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TAG = Pattern.compile("^\\[[^\\]]{0,80}\\]\\s*");
    private static final Pattern TRAILER = Pattern.compile("\\s*\\((?:fwd|fw|tr)\\)\\s*$", Pattern.CASE_INSENSITIVE);

    private Subjects() {}

    static String normalized(String subject) {
        if (subject == null) {
            return "";
        }
        String s = HeaderText.collapseWhitespace(subject);
        for (int guard = 0; guard < 100; guard++) {
            String before = s;
            Matcher prefix = PREFIX.matcher(s);
            if (prefix.lookingAt()) {
                s = s.substring(prefix.end());
            }
            Matcher tag = TAG.matcher(s);
            if (tag.lookingAt() && tag.end() < s.length()) {
                s = s.substring(tag.end());
            }
            Matcher trailer = TRAILER.matcher(s);
            if (trailer.find()) {
                s = s.substring(0, trailer.start());
            }
            s = s.strip();
            if (s.equals(before)) {
                break;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
