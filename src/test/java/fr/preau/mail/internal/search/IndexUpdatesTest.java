package fr.preau.mail.internal.search;

import static fr.preau.mail.internal.search.IndexedMessage.FLAGGED;
import static fr.preau.mail.internal.search.IndexedMessage.SEEN;
import static fr.preau.mail.internal.search.TestMessage.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;

/** Replacements, deletions, in-place updates, re-indexing, durability across a reopen. */
class IndexUpdatesTest extends IndexFixture {

    static final long ARCHIVE = 30;

    @Test
    void flagUpdatesAreVisibleAfterARefresh() {
        add(message(1).subject("budget").keyword("$Forwarded"), message(2).subject("budget").flags(SEEN));
        index.updateFlags(1, SEEN | FLAGGED, null);
        index.refresh();
        assertThat(find(Criteria.builder().seen(true).build())).containsExactlyInAnyOrder(1L, 2L);
        assertThat(find(Criteria.builder().text("budget").flagged(true).build())).containsExactly(1L);
        assertThat(find(Criteria.builder().keyword("$forwarded").build())).as("null keywords: unchanged").containsExactly(1L);

        index.updateFlags(1, 0, Set.of("Projet"));
        index.updateFlags(2, 0, Set.of());
        index.refresh();
        assertThat(find(Criteria.builder().seen(false).build())).containsExactlyInAnyOrder(1L, 2L);
        assertThat(find(Criteria.builder().keyword("$forwarded").build())).isEmpty();
        assertThat(find(Criteria.builder().keyword("projet").build())).containsExactly(1L);
        assertThat(text("budget")).as("text untouched by the update").containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void folderMovesAreVisibleAfterARefresh() {
        add(message(1).subject("budget"), message(2).subject("budget"));
        index.updateFolder(1, ARCHIVE);
        index.refresh();
        assertThat(find(Criteria.builder().folder(ARCHIVE).build())).containsExactly(1L);
        assertThat(find(Criteria.builder().folder(TestMessage.INBOX).text("budget").build())).containsExactly(2L);
    }

    @Test
    void aWholeStateAtOnce() {
        add(message(1).subject("budget"));
        index.update(1, new MessageState(ARCHIVE, FLAGGED, Set.of("$Junk")));
        index.refresh();
        assertThat(find(Criteria.builder().folder(ARCHIVE).flagged(true).keyword("$junk").text("budget").build()))
                .containsExactly(1L);
    }

    @Test
    void updatesOfAMessageNotIndexedDoNothing() {
        add(message(1).subject("budget"));
        index.updateFlags(99, SEEN, Set.of("x"));
        index.updateFolder(99, ARCHIVE);
        index.delete(99);
        index.refresh();
        assertThat(find(Criteria.ALL)).containsExactly(1L);
    }

    @Test
    void indexingAgainReplacesTheDocument() {
        add(message(1).subject("ancien sujet"));
        add(message(1).subject("nouveau sujet"));
        assertThat(text("ancien")).isEmpty();
        assertThat(text("nouveau")).containsExactly(1L);
        assertThat(index.search(TestMessage.ACCOUNT, Criteria.ALL, Sort.NEWEST_FIRST, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void deletedMessagesAreNotFound() {
        add(message(1).subject("budget"), message(2).subject("budget"));
        index.delete(1);
        index.refresh();
        assertThat(text("budget")).containsExactly(2L);
    }

    @Test
    void replayingTheSameOperationsEndsInTheSameState() {
        Runnable operations = () -> {
            index.index(message(1).subject("budget").build());
            index.index(message(2).subject("budget").build());
            index.updateFlags(1, SEEN, Set.of("$label1"));
            index.updateFolder(2, ARCHIVE);
            index.index(message(3).subject("budget").build());
            index.delete(3);
            index.refresh();
        };
        operations.run();
        var first = index.search(TestMessage.ACCOUNT, Criteria.text("budget"), Sort.NEWEST_FIRST, 0, 10);
        operations.run();
        operations.run();
        assertThat(index.search(TestMessage.ACCOUNT, Criteria.text("budget"), Sort.NEWEST_FIRST, 0, 10)).isEqualTo(first);
        assertThat(first.messageIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(find(Criteria.builder().seen(true).keyword("$label1").build())).containsExactly(1L);
        assertThat(find(Criteria.builder().folder(ARCHIVE).build())).containsExactly(2L);
    }

    @Test
    void committedDocumentsAndUpdatesSurviveAReopen() throws IOException {
        add(message(1).subject("budget"), message(2).subject("projet"));
        index.updateFlags(1, FLAGGED, Set.of("$Important"));
        index.updateFolder(2, ARCHIVE);
        index.close();
        index = MailSearchIndex.open(directory.resolve("index/mail"));
        assertThat(find(Criteria.builder().text("budget").flagged(true).keyword("$important").build())).containsExactly(1L);
        assertThat(find(Criteria.builder().folder(ARCHIVE).build())).containsExactly(2L);
    }

    @Test
    void oneProcessAtATimeHoldsTheIndex() {
        assertThatThrownBy(() -> MailSearchIndex.open(directory.resolve("index/mail")))
                .isInstanceOf(LockObtainFailedException.class);
    }

    @Test
    void aNewIndexNeedsARebuildUntilItsFirstCommit() throws IOException {
        assertThat(index.needsRebuild()).isTrue();
        add(message(1));
        index.commit();
        index.close();
        index = MailSearchIndex.open(directory.resolve("index/mail"));
        assertThat(index.needsRebuild()).isFalse();
    }

    @Test
    void reindexingAnAccountRenewsItsDocumentsAndDropsLeftovers() {
        add(message(1).subject("ancien"), message(2).subject("budget"), message(3).subject("supprimé entre-temps"),
                message(4).account(2).subject("budget"));
        long count = index.reindexAccount(TestMessage.ACCOUNT,
                Stream.of(message(1).subject("nouveau").build(), message(2).subject("budget").flags(SEEN).build()));
        assertThat(count).isEqualTo(2);
        assertThat(find(Criteria.ALL)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(text("nouveau")).containsExactly(1L);
        assertThat(text("ancien")).isEmpty();
        assertThat(find(Criteria.builder().seen(true).build())).containsExactly(2L);
        assertThat(index.search(2, Criteria.text("budget"), Sort.NEWEST_FIRST, 0, 10).messageIds()).containsExactly(4L);
    }

    @Test
    void messagesIndexedDuringAReindexAreKept() {
        add(message(1).subject("budget"), message(2).subject("budget"));
        Stream<IndexedMessage> store = Stream.of(message(1).subject("budget").build())
                .peek(m -> index.index(message(5).subject("arrivé pendant").build()));
        index.reindexAccount(TestMessage.ACCOUNT, store);
        assertThat(find(Criteria.ALL)).containsExactlyInAnyOrder(1L, 5L);
    }

    @Test
    void reindexRefusesAMessageOfAnotherAccount() {
        add(message(1).subject("budget"));
        assertThatThrownBy(() -> index.reindexAccount(TestMessage.ACCOUNT, Stream.of(message(7).account(2).build())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reindexingEverything() {
        add(message(1).subject("budget"), message(2).account(2).subject("budget"), message(3).account(3).subject("x"));
        index.reindexAll(Stream.of(message(1).subject("budget").build(), message(2).account(2).subject("projet").build()));
        assertThat(text("budget")).containsExactly(1L);
        assertThat(index.search(2, Criteria.text("projet"), Sort.NEWEST_FIRST, 0, 10).messageIds()).containsExactly(2L);
        assertThat(index.search(3, Criteria.ALL, Sort.NEWEST_FIRST, 0, 10).total()).isZero();
        assertThat(index.size()).isEqualTo(2);
    }
}
