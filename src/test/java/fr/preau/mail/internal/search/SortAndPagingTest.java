package fr.preau.mail.internal.search;

import static fr.preau.mail.internal.search.TestMessage.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders, their tie-breaks, pages and totals. */
class SortAndPagingTest extends IndexFixture {

    @BeforeEach
    void messages() {
        add(message(1).sent("2026-03-01T10:00:00Z").arrived("2026-03-04T10:00:00Z").size(300)
                        .from("Zoé Abel", "zoe@ac-dijon.fr").subject("Re: Budget"),
                message(2).sent("2026-03-03T10:00:00Z").arrived("2026-03-03T10:00:00Z").size(100)
                        .from("", "alain@ac-dijon.fr").subject("TR : appel à projets"),
                message(3).sent("2026-03-02T10:00:00Z").arrived("2026-03-02T10:00:00Z").size(200)
                        .from("Émile Martin", "emile@ac-dijon.fr").subject("Conseil"),
                message(4).sent("2026-03-02T10:00:00Z").arrived("2026-03-01T10:00:00Z").size(200)
                        .from("\"Dupont, Jean\"", "jean@ac-dijon.fr").subject("[liste-profs] Re: RE: conseil"),
                message(5).sent("2026-03-02T10:00:00Z").arrived("2026-03-05T10:00:00Z").size(50)
                        .from("bernard", "b@ac-dijon.fr").subject("zèbre"));
    }

    private List<Long> sorted(Sort sort) {
        return index.search(TestMessage.ACCOUNT, Criteria.ALL, sort, 0, 10).messageIds();
    }

    @Test
    void byDateNewestFirstByDefaultTiesByIdInTheSameDirection() {
        assertThat(index.search(TestMessage.ACCOUNT, Criteria.ALL, null, 0, 10).messageIds()).containsExactly(2L, 5L, 4L, 3L, 1L);
        assertThat(sorted(Sort.NEWEST_FIRST)).containsExactly(2L, 5L, 4L, 3L, 1L);
        assertThat(sorted(Sort.ascending(Sort.Key.DATE))).containsExactly(1L, 3L, 4L, 5L, 2L);
    }

    @Test
    void byArrival() {
        assertThat(sorted(Sort.descending(Sort.Key.ARRIVAL))).containsExactly(5L, 1L, 2L, 3L, 4L);
    }

    @Test
    void bySize() {
        assertThat(sorted(Sort.ascending(Sort.Key.SIZE))).containsExactly(5L, 2L, 3L, 4L, 1L);
        assertThat(sorted(Sort.descending(Sort.Key.SIZE))).containsExactly(1L, 4L, 3L, 2L, 5L);
    }

    @Test
    void bySenderNameOrAddressIgnoringCaseAndAccentsTiesNewestFirst() {
        assertThat(sorted(Sort.ascending(Sort.Key.FROM))).containsExactly(2L, 5L, 4L, 3L, 1L);
        assertThat(sorted(Sort.descending(Sort.Key.FROM))).containsExactly(1L, 3L, 4L, 5L, 2L);
    }

    @Test
    void bySubjectWithoutReplyPrefixes() {
        // appel, budget, conseil (3 and 4: same base subject, same date: ids ascending), zebre
        assertThat(sorted(Sort.ascending(Sort.Key.SUBJECT))).containsExactly(2L, 1L, 3L, 4L, 5L);
        assertThat(sorted(Sort.descending(Sort.Key.SUBJECT))).containsExactly(5L, 4L, 3L, 1L, 2L);
    }

    @Test
    void byRelevanceTiesNewestFirst() {
        add(message(6).sent("2026-01-01T10:00:00Z").subject("conseil conseil").body("conseil de classe, conseil"));
        List<Long> hits = index.search(TestMessage.ACCOUNT, Criteria.text("conseil"), Sort.BEST_FIRST, 0, 10).messageIds();
        assertThat(hits).containsExactly(6L, 3L, 4L);
        List<Long> noText = sorted(Sort.BEST_FIRST);
        assertThat(noText).containsExactly(2L, 5L, 4L, 3L, 1L, 6L);
    }

    @Test
    void pagesFollowEachOtherWithTheSameTotal() {
        List<Long> all = sorted(Sort.NEWEST_FIRST);
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            Hits page = index.search(TestMessage.ACCOUNT, Criteria.ALL, Sort.NEWEST_FIRST, offset, 2);
            assertThat(page.total()).isEqualTo(5);
            paged.addAll(page.messageIds());
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void pastTheEndAndCountOnly() {
        Hits past = index.search(TestMessage.ACCOUNT, Criteria.ALL, Sort.NEWEST_FIRST, 50, 10);
        assertThat(past.messageIds()).isEmpty();
        assertThat(past.total()).isEqualTo(5);
        Hits count = index.search(TestMessage.ACCOUNT, Criteria.text("conseil"), Sort.NEWEST_FIRST, 0, 0);
        assertThat(count.messageIds()).isEmpty();
        assertThat(count.total()).isEqualTo(2);
        Hits huge = index.search(TestMessage.ACCOUNT, Criteria.ALL, Sort.NEWEST_FIRST, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
        assertThat(huge.messageIds()).isEmpty();
        assertThat(huge.total()).isEqualTo(5);
        assertThat(index.search(TestMessage.ACCOUNT, Criteria.ALL, Sort.NEWEST_FIRST, 4, Integer.MAX_VALUE).messageIds())
                .containsExactly(1L);
    }

    @Test
    void emptyIndex() {
        assertThat(index.search(99, Criteria.text("conseil"), Sort.NEWEST_FIRST, 0, 50)).isEqualTo(Hits.NONE);
    }
}
