package fr.preau.mail.internal.search;

import fr.preau.mail.internal.search.IndexedMessage.Addr;
import java.util.List;
import java.util.regex.Pattern;

/** The strings the "from" and "subject" sorts compare: folded, and for subjects without reply prefixes. */
final class SortKeys {

    private static final int MAX_LENGTH = 200;
    /** Reply and forward prefixes and list tags, as RFC 5256's base subject plus French clients' "TR :", "Réf. :". */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|fwd?|tr|aw|wg|sv|vs|rif|ref\\.?)\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*:|\\[[^\\]]*\\])\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The first sender's display name, or the address when there is no name. */
    static String from(List<Addr> from) {
        for (Addr addr : from) {
            if (addr == null) {
                continue;
            }
            String name = clean(addr.name());
            String key = name.isEmpty() ? clean(addr.address()) : name;
            if (!key.isEmpty()) {
                return cut(key);
            }
        }
        return "";
    }

    static String subject(String subject) {
        String key = clean(subject);
        while (true) {
            var matcher = PREFIX.matcher(key);
            if (!matcher.find() || matcher.end() == key.length()) {
                break;
            }
            key = key.substring(matcher.end());
        }
        return cut(key);
    }

    private static String clean(String text) {
        String folded = Folding.fold(text);
        folded = folded.replace('"', ' ').replace('\'', ' ');
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }

    private static String cut(String key) {
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }

    private SortKeys() {}
}
