package fr.preau.mail.internal.search;

import java.util.Collection;
import java.util.List;

/**
 * The store's queue of index work, written in the same transaction as each change of a
 * message (a table in SQL, kept by the mail store). {@link SearchIndexer} reads it, applies
 * entries to Lucene, and removes them only once a Lucene commit covers them, so that after a
 * crash every change not yet durable in the index is still queued and is replayed.
 */
public interface Backlog {

    /** What changed about a message. */
    enum Op {
        /** New message (or its text changed): the whole document is (re)built. */
        INDEX,
        /** Folder, flags or keywords changed: updated in place. */
        UPDATE,
        /** The message is gone. */
        DELETE
    }

    /** One queued change; ids increase with time but may commit out of order. */
    record Entry(long entryId, long messageId, Op op) {}

    /**
     * Up to {@code max} entries not yet {@link #done}, oldest (or most urgent) first. Entries
     * returned before and not yet done come again: the indexer skips those it has applied.
     */
    List<Entry> next(int max);

    /** Removes these entries for good: a Lucene commit covers them. */
    void done(Collection<Long> entryIds);
}
