package fr.preau.mail.internal.search;

import static fr.preau.mail.internal.search.IndexedMessage.SEEN;
import static fr.preau.mail.internal.search.TestMessage.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.mail.internal.search.Backlog.Op;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backlog loop: apply, refresh, commit, and only then done; coalescing; failures. */
class SearchIndexerTest extends IndexFixture {

    static final SearchIndexer.Settings NO_TIMED_COMMIT = new SearchIndexer.Settings(3, Duration.ofHours(1), 1_000);

    MemoryBacklog backlog = new MemoryBacklog();
    MapDocuments store = new MapDocuments();
    SearchIndexer indexer;

    @BeforeEach
    void indexer() {
        indexer = new SearchIndexer(index, backlog, store, NO_TIMED_COMMIT);
    }

    @AfterEach
    void stop() {
        indexer.close();
    }

    private void deliver(TestMessage message) {
        store.put(message);
        backlog.add(message.build().messageId(), Op.INDEX);
    }

    @Test
    void aMessageIsSearchableWhenCatchUpReturnsAndDoneOnlyAfterTheCommit() {
        deliver(message(1).subject("réunion"));
        assertThat(indexer.catchUp()).isEqualTo(1);
        assertThat(text("réunion")).containsExactly(1L);
        assertThat(backlog.size()).as("not committed yet").isEqualTo(1);
        assertThat(indexer.catchUp()).as("applied entries are not applied again").isZero();
        indexer.commit();
        assertThat(backlog.size()).isZero();
        assertThat(backlog.doneIds()).containsExactly(1L);
        assertThat(indexer.pending()).isZero();
    }

    @Test
    void updatesReadTheCurrentStateCheaply() {
        deliver(message(1).subject("réunion"));
        indexer.catchUp();
        store.put(message(1).subject("réunion").flags(SEEN).folder(30).keyword("$Forwarded"));
        backlog.add(1, Op.UPDATE);
        indexer.catchUp();
        assertThat(find(Criteria.builder().seen(true).folder(30).keyword("$forwarded").build())).containsExactly(1L);
        assertThat(store.states.get()).isEqualTo(1);
        assertThat(store.loads.get()).isEqualTo(1);
    }

    @Test
    void deletionsAndVanishedMessagesLeaveTheIndex() {
        deliver(message(1).subject("réunion"));
        deliver(message(2).subject("réunion"));
        deliver(message(3).subject("réunion"));
        indexer.catchUp();
        backlog.add(1, Op.DELETE);
        store.messages.remove(2L);
        backlog.add(2, Op.UPDATE);
        store.messages.remove(3L);
        backlog.add(3, Op.INDEX);
        indexer.catchUp();
        assertThat(text("réunion")).isEmpty();
    }

    @Test
    void severalEntriesOfOneMessageInABatchAreAppliedOnce() {
        store.put(message(1).subject("réunion").flags(SEEN));
        backlog.add(1, Op.INDEX);
        backlog.add(1, Op.UPDATE);
        backlog.add(1, Op.UPDATE);
        indexer.catchUp();
        assertThat(store.loads.get()).isEqualTo(1);
        assertThat(store.states.get()).isZero();
        assertThat(find(Criteria.builder().seen(true).build())).containsExactly(1L);

        deliver(message(2).subject("réunion"));
        backlog.add(2, Op.DELETE);
        indexer.catchUp();
        assertThat(text("réunion")).containsExactly(1L);
        indexer.commit();
        assertThat(backlog.size()).isZero();
    }

    @Test
    void aLongBacklogIsAppliedInBatchesAndCommittedWhenManyWait() {
        SearchIndexer small = new SearchIndexer(index, backlog, store, new SearchIndexer.Settings(2, Duration.ofHours(1), 5));
        for (long id = 1; id <= 20; id++) {
            deliver(message(id).subject("réunion"));
        }
        int applied = small.catchUp();
        assertThat(applied).as("a few batches in the caller's thread").isEqualTo(8);
        assertThat(backlog.size()).as("over maxPending: committed and done").isEqualTo(12);
        while (small.catchUp() > 0) {
            // drain
        }
        small.close();
        assertThat(backlog.size()).isZero();
        assertThat(index.search(TestMessage.ACCOUNT, Criteria.text("réunion"), Sort.NEWEST_FIRST, 0, 0).total()).isEqualTo(20);
    }

    @Test
    void aMessageThatKeepsFailingIsSkippedWhileOthersGoOn() {
        Documents flaky = new Documents() {
            @Override
            public Optional<IndexedMessage> load(long messageId) {
                if (messageId == 7) {
                    throw new IllegalStateException("cannot parse");
                }
                return store.load(messageId);
            }
        };
        SearchIndexer withBadMessage = new SearchIndexer(index, backlog, flaky, NO_TIMED_COMMIT);
        store.put(message(7).subject("réunion"));
        backlog.add(7, Op.INDEX);
        for (long id = 1; id <= SearchIndexer.MAX_ATTEMPTS; id++) {
            deliver(message(id).subject("réunion"));
            withBadMessage.catchUp();
        }
        withBadMessage.commit();
        assertThat(backlog.size()).isZero();
        assertThat(text("réunion")).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void whenNothingLoadsTheBatchFailsAndIsRetriedLater() {
        boolean[] down = {true};
        Documents database = new Documents() {
            @Override
            public Optional<IndexedMessage> load(long messageId) {
                if (down[0]) {
                    throw new IllegalStateException("database down");
                }
                return store.load(messageId);
            }
        };
        SearchIndexer indexer = new SearchIndexer(index, backlog, database, NO_TIMED_COMMIT);
        deliver(message(1).subject("réunion"));
        deliver(message(2).subject("réunion"));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(indexer::catchUp).hasMessage("database down");
        }
        indexer.commit();
        assertThat(backlog.size()).isEqualTo(2);
        down[0] = false;
        indexer.catchUp();
        indexer.commit();
        assertThat(backlog.size()).isZero();
        assertThat(text("réunion")).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void theBackgroundThreadAppliesAndCommitsOnItsOwn() throws InterruptedException {
        SearchIndexer background = new SearchIndexer(index, backlog, store,
                new SearchIndexer.Settings(10, Duration.ofMillis(50), 1_000));
        background.start();
        try {
            deliver(message(1).subject("réunion"));
            background.signal();
            awaitTrue(() -> backlog.size() == 0);
            assertThat(text("réunion")).containsExactly(1L);
        } finally {
            background.close();
        }
    }

    @Test
    void concurrentDeliveriesAndBackgroundCommitsLoseNothing() throws Exception {
        SearchIndexer shared = new SearchIndexer(index, backlog, store, new SearchIndexer.Settings(5, Duration.ofMillis(20), 15));
        shared.start();
        int threads = 4;
        int perThread = 15;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long first = t * 1_000L;
                work.add(pool.submit(() -> {
                    for (long id = first + 1; id <= first + perThread; id++) {
                        deliver(message(id).subject("réunion"));
                        shared.catchUp();
                        assertThat(index.search(TestMessage.ACCOUNT, Criteria.text("réunion"), Sort.NEWEST_FIRST, 0, 1_000)
                                .messageIds()).as("searchable when catchUp returns").contains(id);
                        if (id % 7 == 0) {
                            backlog.add(id, Op.UPDATE);
                        }
                    }
                    return null;
                }));
            }
            for (var w : work) {
                w.get();
            }
        }
        // an UPDATE queued after a thread's last catch-up (1015 is a multiple of 7) is applied by the next one;
        // close() commits what was applied and leaves the rest in the backlog for the next start
        shared.catchUp();
        shared.close();
        assertThat(backlog.size()).isZero();
        assertThat(backlog.doneIds()).doesNotHaveDuplicates();
        assertThat(index.search(TestMessage.ACCOUNT, Criteria.text("réunion"), Sort.NEWEST_FIRST, 0, 0).total())
                .isEqualTo(threads * perThread);
    }

    @Test
    void closingCommitsWhatWasApplied() {
        deliver(message(1).subject("réunion"));
        indexer.catchUp();
        indexer.close();
        assertThat(backlog.size()).isZero();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
