package fr.preau.mail.internal.search;

import static fr.preau.mail.internal.search.IndexedMessage.ANSWERED;
import static fr.preau.mail.internal.search.IndexedMessage.DELETED;
import static fr.preau.mail.internal.search.IndexedMessage.DRAFT;
import static fr.preau.mail.internal.search.IndexedMessage.FLAGGED;
import static fr.preau.mail.internal.search.IndexedMessage.SEEN;
import static fr.preau.mail.internal.search.TestMessage.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every non-text criterion alone and combined with others. */
class FilterSearchTest extends IndexFixture {

    static final long SENT = 20;
    static final long ARCHIVE = 30;

    @BeforeEach
    void messages() {
        add(
                // Sent 00:30 in Paris on 2 March (winter, UTC+1), 23:30 UTC on 1 March.
                message(1).sent("2026-03-01T23:30:00Z").flags(SEEN).size(1_000).subject("budget"),
                // 23:59:59.999 in Paris on 1 March.
                message(2).sent("2026-03-01T22:59:59.999Z").flags(SEEN | ANSWERED).size(5_000)
                        .subject("budget").attachment("budget.ods").keyword("$Forwarded"),
                // No Date header: the arrival counts, 10:00 in Paris on 5 March.
                message(3).sent(null).arrived("2026-03-05T09:00:00Z").flags(FLAGGED).size(10_000)
                        .subject("budget").keyword("Important").keyword("$Junkish"),
                // Summer time (UTC+2): 00:15 in Paris on 14 July, still 13 July in UTC.
                message(4).sent("2026-07-13T22:15:00Z").flags(DRAFT).size(20_000).folder(SENT)
                        .subject("projet"),
                message(5).sent("2026-07-14T21:59:59Z").flags(DELETED | SEEN).size(30_000).folder(ARCHIVE)
                        .subject("budget").attachment("annexe.pdf").keyword("$junk"),
                message(6).sent("2026-02-28T12:00:00Z").flags(0).size(999).subject("budget projet"));
    }

    @Test
    void withoutCriteriaFindsTheWholeAccount() {
        assertThat(find(Criteria.ALL)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(find(null)).hasSize(6);
    }

    @Test
    void folders() {
        assertThat(find(Criteria.builder().folder(TestMessage.INBOX).build())).containsExactlyInAnyOrder(1L, 2L, 3L, 6L);
        assertThat(find(Criteria.builder().folderIds(Set.of(SENT, ARCHIVE)).build())).containsExactlyInAnyOrder(4L, 5L);
        assertThat(find(Criteria.builder().folderIds(Set.of()).build())).isEmpty();
        assertThat(find(Criteria.builder().folderIds(Set.of(999L)).build())).isEmpty();
    }

    @Test
    void daysAreInclusiveInParisTime() {
        assertThat(find(Criteria.builder().on(LocalDate.of(2026, 3, 2)).build())).containsExactly(1L);
        assertThat(find(Criteria.builder().on(LocalDate.of(2026, 3, 1)).build())).containsExactly(2L);
        assertThat(find(Criteria.builder().on(LocalDate.of(2026, 7, 14)).build())).containsExactlyInAnyOrder(4L, 5L);
        assertThat(find(Criteria.builder().on(LocalDate.of(2026, 7, 13)).build())).isEmpty();
        assertThat(find(Criteria.builder().since(LocalDate.of(2026, 3, 2)).build())).containsExactlyInAnyOrder(1L, 3L, 4L, 5L);
        assertThat(find(Criteria.builder().until(LocalDate.of(2026, 3, 1)).build())).containsExactlyInAnyOrder(2L, 6L);
        assertThat(find(Criteria.builder().since(LocalDate.of(2026, 3, 1)).until(LocalDate.of(2026, 3, 5)).build()))
                .containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(find(Criteria.builder().since(LocalDate.of(2026, 3, 6)).until(LocalDate.of(2026, 3, 5)).build())).isEmpty();
    }

    @Test
    void theArrivalStandsForAMissingDateHeader() {
        assertThat(find(Criteria.builder().on(LocalDate.of(2026, 3, 5)).build())).containsExactly(3L);
    }

    @Test
    void eachFlagAloneBothWays() {
        assertThat(find(Criteria.builder().seen(true).build())).containsExactlyInAnyOrder(1L, 2L, 5L);
        assertThat(find(Criteria.builder().seen(false).build())).containsExactlyInAnyOrder(3L, 4L, 6L);
        assertThat(find(Criteria.builder().answered(true).build())).containsExactly(2L);
        assertThat(find(Criteria.builder().answered(false).build())).containsExactlyInAnyOrder(1L, 3L, 4L, 5L, 6L);
        assertThat(find(Criteria.builder().flagged(true).build())).containsExactly(3L);
        assertThat(find(Criteria.builder().flagged(false).build())).hasSize(5).doesNotContain(3L);
        assertThat(find(Criteria.builder().draft(true).build())).containsExactly(4L);
        assertThat(find(Criteria.builder().draft(false).build())).hasSize(5).doesNotContain(4L);
        assertThat(find(Criteria.builder().deleted(true).build())).containsExactly(5L);
        assertThat(find(Criteria.builder().deleted(false).build())).hasSize(5).doesNotContain(5L);
    }

    @Test
    void flagsCombined() {
        assertThat(find(Criteria.builder().seen(true).answered(false).build())).containsExactlyInAnyOrder(1L, 5L);
        assertThat(find(Criteria.builder().seen(true).deleted(false).build())).containsExactlyInAnyOrder(1L, 2L);
        assertThat(find(Criteria.builder().seen(false).flagged(true).build())).containsExactly(3L);
        assertThat(find(Criteria.builder().seen(false).flagged(false).draft(false).build())).containsExactly(6L);
        assertThat(find(Criteria.builder().draft(true).flagged(true).build())).isEmpty();
    }

    @Test
    void attachments() {
        assertThat(find(Criteria.builder().hasAttachment(true).build())).containsExactlyInAnyOrder(2L, 5L);
        assertThat(find(Criteria.builder().hasAttachment(false).build())).containsExactlyInAnyOrder(1L, 3L, 4L, 6L);
    }

    @Test
    void sizesAreInclusive() {
        assertThat(find(Criteria.builder().minSize(10_000L).build())).containsExactlyInAnyOrder(3L, 4L, 5L);
        assertThat(find(Criteria.builder().maxSize(1_000L).build())).containsExactlyInAnyOrder(1L, 6L);
        assertThat(find(Criteria.builder().minSize(1_000L).maxSize(10_000L).build())).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(find(Criteria.builder().minSize(10L).maxSize(5L).build())).isEmpty();
    }

    @Test
    void keywordsIgnoreCaseAndMatchWhole() {
        assertThat(find(Criteria.builder().keyword("$Forwarded").build())).containsExactly(2L);
        assertThat(find(Criteria.builder().keyword("$FORWARDED").build())).containsExactly(2L);
        assertThat(find(Criteria.builder().keyword("important").build())).containsExactly(3L);
        assertThat(find(Criteria.builder().keyword("$junk").build())).containsExactly(5L);
        assertThat(find(Criteria.builder().keyword("$Junkish").build())).containsExactly(3L);
        assertThat(find(Criteria.builder().keyword("forwarded").build())).isEmpty();
        assertThat(find(Criteria.builder().keyword("$MDNSent").build())).isEmpty();
    }

    @Test
    void everythingCombined() {
        Criteria unreadBudgetInMarch = Criteria.builder().text("budget").seen(false)
                .since(LocalDate.of(2026, 3, 1)).until(LocalDate.of(2026, 3, 31)).folder(TestMessage.INBOX).build();
        assertThat(find(unreadBudgetInMarch)).containsExactly(3L);
        assertThat(find(Criteria.builder().text("budget").hasAttachment(true).folder(TestMessage.INBOX)
                .keyword("$forwarded").minSize(4_000L).seen(true).build())).containsExactly(2L);
        assertThat(find(Criteria.builder().text("budget").hasAttachment(true).folder(TestMessage.INBOX)
                .keyword("$forwarded").minSize(6_000L).build())).isEmpty();
        assertThat(find(Criteria.builder().text("projet").deleted(false).build())).containsExactlyInAnyOrder(4L, 6L);
        assertThat(find(Criteria.builder().text("projet -budget").build())).containsExactly(4L);
    }
}
