package fr.preau.mail.internal.search;

import java.util.Objects;

/**
 * The order of search hits. Ties are broken by the date (newest first) for
 * {@link Key#RELEVANCE}, {@link Key#FROM} and {@link Key#SUBJECT}, and always last by the
 * message id, in the direction of the sort (descending: higher ids first), so that paging is
 * stable.
 *
 * @param descending for {@link Key#RELEVANCE}, true means best first
 */
public record Sort(Key key, boolean descending) {

    public enum Key {
        /** The Date header, or the arrival when there is none. */
        DATE,
        /** The internal date (arrival in the store). */
        ARRIVAL,
        /** How well the message matches the text criteria. */
        RELEVANCE,
        /** The first sender's display name, or address when it has none, ignoring case and accents. */
        FROM,
        /** The subject without its "Re:", "Fwd:", "TR :" prefixes, ignoring case and accents. */
        SUBJECT,
        /** The size in bytes. */
        SIZE
    }

    /** The default: newest first. */
    public static final Sort NEWEST_FIRST = new Sort(Key.DATE, true);
    public static final Sort BEST_FIRST = new Sort(Key.RELEVANCE, true);

    public Sort {
        Objects.requireNonNull(key, "key");
    }

    public static Sort ascending(Key key) {
        return new Sort(key, false);
    }

    public static Sort descending(Key key) {
        return new Sort(key, true);
    }
}
