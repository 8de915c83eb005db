package fr.preau.mail.internal.search;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.lucene.util.BytesRef;

/**
 * IMAP keywords as the binary doc value of a message: lower-cased (keywords match regardless
 * of case), sorted, each between line feeds ({@code \n$forwarded\n$junk\n}), so that "has
 * keyword k" is a byte search for {@code \nk\n}. Binary doc values can be updated in place,
 * which a set of terms could not.
 */
final class Keywords {

    static BytesRef encode(Collection<String> keywords) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String keyword : keywords) {
            String normal = normalize(keyword);
            if (!normal.isEmpty()) {
                sorted.add(normal);
            }
        }
        if (sorted.isEmpty()) {
            return new BytesRef();
        }
        return new BytesRef(("\n" + String.join("\n", sorted) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes to look for to find one keyword. */
    static byte[] needle(String keyword) {
        return ("\n" + normalize(keyword) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String normalize(String keyword) {
        if (keyword == null) {
            return "";
        }
        StringBuilder normal = new StringBuilder();
        keyword.strip().toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c))
                .forEach(normal::appendCodePoint);
        return normal.toString();
    }

    private Keywords() {}
}
