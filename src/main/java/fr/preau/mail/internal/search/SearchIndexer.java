package fr.preau.mail.internal.search;

import fr.preau.mail.internal.search.Backlog.Entry;
import fr.preau.mail.internal.search.Backlog.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the search index in step with the store through its {@link Backlog}: reads entries,
 * applies them to the {@link MailSearchIndex} with the messages' current state from
 * {@link Documents}, refreshes after each batch (searchable at once), commits every
 * {@link Settings#commitInterval()} or when many entries wait, and only then marks the
 * covered entries done. A crash loses at most uncommitted Lucene changes, whose entries are
 * still in the backlog and are applied again at the next start (every operation is idempotent).
 *
 * <p>The store calls {@link #catchUp()} right after committing a change, so that the change
 * is searchable when the delivery or the IMAP command returns; a background thread
 * ({@link #start()}) handles the rest: entries queued by another process (the admin command's
 * re-index), retries after a failure, and the periodic commit.
 *
 * <p>A message whose document cannot be made (its loading fails again and again while other
 * messages load, or Lucene refuses it) is skipped after {@link #MAX_ATTEMPTS} attempts and
 * logged by id, so that one bad message never blocks the queue; a failure of every message of
 * a batch (the database is down) is retried without limit.
 */
public final class SearchIndexer implements AutoCloseable {

    static final int MAX_ATTEMPTS = 3;
    /** Batches a {@link #catchUp()} applies at most, leaving a long backlog to the background thread. */
    private static final int FOREGROUND_BATCHES = 4;
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    /**
     * @param batchSize      entries applied between two refreshes
     * @param commitInterval longest time an applied entry waits for its commit
     * @param maxPending     applied entries that force a commit before the interval
     */
    public record Settings(int batchSize, Duration commitInterval, int maxPending) {
        public static final Settings DEFAULT = new Settings(200, Duration.ofSeconds(5), 5_000);

        public Settings {
            if (batchSize < 1 || maxPending < 1 || commitInterval.isNegative() || commitInterval.isZero()) {
                throw new IllegalArgumentException("bad indexer settings");
            }
        }
    }

    private final MailSearchIndex index;
    private final Backlog backlog;
    private final Documents documents;
    private final Settings settings;
    /** Held while reading and applying entries. */
    private final ReentrantLock applying = new ReentrantLock(true);
    /** Held while committing: one commit at a time. */
    private final ReentrantLock committing = new ReentrantLock();
    /** Entries applied to Lucene but not yet covered by a commit (guarded by {@link #applying}). */
    private final Set<Long> applied = new HashSet<>();
    /** Failed attempts of entries that failed while others succeeded (guarded by {@link #applying}). */
    private final Map<Long, Integer> failures = new HashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile long lastCommit = System.nanoTime();
    private Thread thread;

    public SearchIndexer(MailSearchIndex index, Backlog backlog, Documents documents, Settings settings) {
        this.index = Objects.requireNonNull(index);
        this.backlog = Objects.requireNonNull(backlog);
        this.documents = Objects.requireNonNull(documents);
        this.settings = Objects.requireNonNull(settings);
    }

    /** Starts the background thread (applies what is queued, commits periodically). */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("search-indexer").daemon().start(this::run);
    }

    /**
     * Applies the entries at the head of the backlog now, in the calling thread, and makes
     * them searchable: at most a few batches, a longer backlog is left to the background
     * thread (which {@link #start()} runs).
     *
     * @return how many entries were applied
     */
    public int catchUp() {
        int total = 0;
        for (int i = 0; i < FOREGROUND_BATCHES; i++) {
            int applied = applyBatch();
            total += applied;
            if (applied < settings.batchSize()) {
                break;
            }
        }
        commitIfDue();
        return total;
    }

    /** Asks the background thread to look at the backlog now, without waiting for it. */
    public void signal() {
        wake.release();
    }

    /**
     * Commits the index, then marks done every entry applied before the commit began. Commits
     * are serialised but do not stop entries from being applied meanwhile.
     */
    public void commit() {
        committing.lock();
        try {
            List<Long> covered;
            applying.lock();
            try {
                covered = List.copyOf(applied);
            } finally {
                applying.unlock();
            }
            lastCommit = System.nanoTime();
            index.commit();
            if (covered.isEmpty()) {
                return;
            }
            backlog.done(covered);
            applying.lock();
            try {
                covered.forEach(applied::remove);
            } finally {
                applying.unlock();
            }
        } finally {
            committing.unlock();
        }
    }

    /** Entries applied and waiting for a commit. */
    public int pending() {
        applying.lock();
        try {
            return applied.size();
        } finally {
            applying.unlock();
        }
    }

    /** Reads and applies one batch of entries not applied yet, then refreshes. */
    int applyBatch() {
        applying.lock();
        try {
            List<Entry> entries = backlog.next(applied.size() + settings.batchSize());
            List<Entry> fresh = new ArrayList<>();
            for (Entry entry : entries) {
                if (!applied.contains(entry.entryId()) && fresh.size() < settings.batchSize()) {
                    fresh.add(entry);
                }
            }
            if (fresh.isEmpty()) {
                return 0;
            }
            apply(fresh);
            index.refresh();
            return fresh.size();
        } finally {
            applying.unlock();
        }
    }

    private void apply(List<Entry> entries) {
        Map<Long, List<Entry>> byMessage = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byMessage.computeIfAbsent(entry.messageId(), id -> new ArrayList<>()).add(entry);
        }
        List<List<Entry>> failed = new ArrayList<>();
        RuntimeException firstFailure = null;
        boolean anySuccess = false;
        for (Map.Entry<Long, List<Entry>> message : byMessage.entrySet()) {
            try {
                applyOne(message.getKey(), strongest(message.getValue()));
                message.getValue().forEach(e -> applied.add(e.entryId()));
                anySuccess = true;
            } catch (RuntimeException e) {
                failed.add(message.getValue());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (failed.isEmpty()) {
            return;
        }
        if (!anySuccess) {
            throw firstFailure;
        }
        for (List<Entry> messageEntries : failed) {
            for (Entry entry : messageEntries) {
                int attempts = failures.merge(entry.entryId(), 1, Integer::sum);
                if (attempts >= MAX_ATTEMPTS) {
                    log.error("Search index: message {} skipped after {} failed attempts ({})",
                            entry.messageId(), attempts, firstFailure.getClass().getName());
                    failures.remove(entry.entryId());
                    applied.add(entry.entryId());
                }
            }
        }
    }

    private void applyOne(long messageId, Op op) {
        switch (op) {
            case DELETE -> index.delete(messageId);
            case INDEX -> documents.load(messageId).ifPresentOrElse(index::index, () -> index.delete(messageId));
            case UPDATE -> documents.state(messageId)
                    .ifPresentOrElse(state -> index.update(messageId, state), () -> index.delete(messageId));
        }
    }

    /** Several entries of one message in a batch: a deletion wins, then a full index, then an update. */
    private static Op strongest(List<Entry> entries) {
        Op strongest = Op.UPDATE;
        for (Entry entry : entries) {
            if (entry.op() == Op.DELETE) {
                return Op.DELETE;
            }
            if (entry.op() == Op.INDEX) {
                strongest = Op.INDEX;
            }
        }
        return strongest;
    }

    private void commitIfDue() {
        boolean due = System.nanoTime() - lastCommit >= settings.commitInterval().toNanos();
        if (pending() >= settings.maxPending() || (due && pending() > 0)) {
            commit();
        }
    }

    private void run() {
        long interval = settings.commitInterval().toMillis();
        while (running) {
            try {
                int applied = applyBatch();
                commitIfDue();
                if (applied == 0) {
                    wake.tryAcquire(interval, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Search index backlog not applied, retrying in {} ms: {}", interval, e.getClass().getName());
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Stops the background thread and commits what was applied (marking it done). The
     * {@link MailSearchIndex} stays open: its owner closes it.
     */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            stopping = thread;
            thread = null;
            running = false;
        }
        if (stopping != null) {
            wake.release();
            try {
                stopping.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        commit();
    }
}
