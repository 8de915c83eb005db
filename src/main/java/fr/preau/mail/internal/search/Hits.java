package fr.preau.mail.internal.search;

import java.util.List;

/**
 * One page of search results: the message ids of the page in order, and how many messages
 * match in all. The store may have deleted a hit a moment ago (the index follows the store
 * shortly after each commit): callers skip ids they no longer find.
 */
public record Hits(List<Long> messageIds, long total) {

    public static final Hits NONE = new Hits(List.of(), 0);

    public Hits {
        messageIds = List.copyOf(messageIds);
    }
}
