package fr.preau.mail.internal;

/**
 * What the store calls after committing a change that wrote search backlog rows, so that the
 * change is searchable when the store's method returns. In the server it is the search index
 * ({@link SearchService}); where no index runs (the {@code preau admin} commands, tests wired
 * by hand) it is {@link #NONE}, and the rows wait for the server. Never throws: a failure of
 * the index must not fail a change the store has already committed.
 */
@FunctionalInterface
public interface IndexTrigger {

    /** Does nothing: the backlog rows stay for the server's indexer. */
    IndexTrigger NONE = () -> {};

    /** The store has committed backlog rows (or will when the caller's transaction commits). */
    void changed();
}
