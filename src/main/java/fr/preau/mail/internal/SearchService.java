package fr.preau.mail.internal;

import fr.preau.mail.internal.search.Criteria;
import fr.preau.mail.internal.search.Documents;
import fr.preau.mail.internal.search.Hits;
import fr.preau.mail.internal.search.MailSearchIndex;
import fr.preau.mail.internal.search.SearchIndexer;
import fr.preau.mail.internal.search.Sort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's full-text index of the mail store (docs/adr/0014): the Lucene index under
 * {@code <data directory>/index/mail} and its {@link SearchIndexer}, fed by the store's
 * backlog. Opened once at start — every message is queued when the index is new or made by
 * another analysis — and closed at shutdown (the indexer first, then the index).
 *
 * <p>As the store's {@link IndexTrigger}, it applies the backlog in the caller's thread right
 * after each commit ({@link SearchIndexer#catchUp()}), so a delivered, moved or flagged
 * message is found (or no longer found) when the store's method returns. Called inside a
 * transaction of the caller's own, it waits for that transaction's commit. A failure of the
 * index is logged (by message id, in the indexer, or by exception type) and never reaches the
 * store's caller: the backlog rows stay and the background thread tries again.
 *
 * <p>An index that cannot be opened (another process holds its lock, a broken directory) is
 * logged as an error and leaves the service {@linkplain #available() unavailable}: mail works,
 * searches are refused, the backlog keeps what a later start will apply.
 */
public final class SearchService implements IndexTrigger, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final MailSearchIndex index;
    private final SearchIndexer indexer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SearchService(MailSearchIndex index, SearchIndexer indexer) {
        this.index = index;
        this.indexer = indexer;
    }

    /**
     * Opens the index in {@code directory}, queues every message when it needs a rebuild, and
     * starts the indexer's background thread (which applies what the backlog holds).
     */
    public static SearchService open(Path directory, SearchBacklog backlog, Documents documents,
                                     SearchIndexer.Settings settings) {
        MailSearchIndex index;
        try {
            index = MailSearchIndex.open(directory);
        } catch (LockObtainFailedException e) {
            log.error("Search index {} is held by another process: this node runs without search", directory);
            return new SearchService(null, null);
        } catch (IOException | RuntimeException e) {
            log.error("Search index {} cannot be opened: this node runs without search", directory, e);
            return new SearchService(null, null);
        }
        try {
            if (index.needsRebuild()) {
                int queued = backlog.queueAll(null);
                log.info("Search index {} is new or of an older version: {} messages queued for indexing", directory, queued);
            }
            SearchIndexer indexer = new SearchIndexer(index, new StoreBacklog(backlog), documents, settings);
            indexer.start();
            return new SearchService(index, indexer);
        } catch (RuntimeException e) {
            closeQuietly(index);
            throw e;
        }
    }

    /** Whether searches can run here (the index is open in this process). */
    public boolean available() {
        return index != null;
    }

    /**
     * One page of the account's hits.
     *
     * @throws IllegalStateException when the index is not {@linkplain #available() available}
     */
    public Hits search(long accountId, Criteria criteria, Sort sort, int offset, int limit) {
        return require().search(accountId, criteria, sort, offset, limit);
    }

    /** Documents in the index as of the last refresh (for checks and figures). */
    public int size() {
        return require().size();
    }

    /** Asks the background thread to look at the backlog now (rows written by another process or outside a change). */
    public void wake() {
        if (indexer != null) {
            indexer.signal();
        }
    }

    /** Applies the head of the backlog now, in this thread; returns how many entries were applied. */
    public int catchUp() {
        return indexer == null ? 0 : indexer.catchUp();
    }

    /** Commits the index now and marks the covered backlog rows done (normally every few seconds in the background). */
    public void commit() {
        if (indexer != null) {
            indexer.commit();
        }
    }

    @Override
    public void changed() {
        if (indexer == null) {
            return;
        }
        // the rows become visible when the caller's transaction commits; the catch-up then runs
        // in a thread of its own, which does not take part in the finished transaction
        fr.preau.platform.AfterCommit.runOr(this::catchUpApart, this::catchUpQuietly);
    }

    private void catchUpApart() {
        Thread thread = Thread.ofVirtual().name("search-catch-up").start(this::catchUpQuietly);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void catchUpQuietly() {
        try {
            indexer.catchUp();
        } catch (RuntimeException e) {
            // never the message: the type only (the indexer logs the ids of messages it gives up on)
            log.warn("Search index not brought up to date after a change ({}); the indexer tries again",
                    e.getClass().getName());
            indexer.signal();
        }
    }

    private MailSearchIndex require() {
        if (index == null) {
            throw new IllegalStateException("the search index is not available in this process");
        }
        return index;
    }

    /** Stops the indexer (committing what it applied), then closes the index and releases its lock. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (indexer != null) {
            try {
                indexer.close();
            } catch (RuntimeException e) {
                log.warn("Search indexer not stopped cleanly ({}); its backlog is applied at the next start",
                        e.getClass().getName());
            }
        }
        if (index != null) {
            closeQuietly(index);
        }
    }

    private static void closeQuietly(MailSearchIndex index) {
        try {
            index.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index not closed cleanly ({}); its backlog is applied at the next start", e.getClass().getName());
        }
    }
}
