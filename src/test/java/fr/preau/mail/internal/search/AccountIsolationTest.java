package fr.preau.mail.internal.search;

import static fr.preau.mail.internal.search.TestMessage.message;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One account never sees another's messages, whatever the criteria. */
class AccountIsolationTest extends IndexFixture {

    static final long OTHER = 2;

    @BeforeEach
    void messages() {
        add(message(1).subject("Conseil de classe").from("Jean Dupont", "jean.dupont@ac-dijon.fr"),
                message(2).account(OTHER).subject("Conseil de classe").from("Jean Dupont", "jean.dupont@ac-dijon.fr")
                        .body("confidentiel").attachment("notes.pdf"),
                message(3).account(OTHER).folder(TestMessage.INBOX).subject("Autre").body("confidentiel"));
    }

    @Test
    void searchesOnlyTheGivenAccount() {
        assertThat(find(Criteria.ALL)).containsExactly(1L);
        assertThat(text("conseil")).containsExactly(1L);
        assertThat(text("confidentiel")).isEmpty();
        assertThat(find(Criteria.builder().attachmentName("notes").build())).isEmpty();
        assertThat(find(Criteria.builder().from("dupont").build())).containsExactly(1L);
        assertThat(find(Criteria.builder().folder(TestMessage.INBOX).build())).containsExactly(1L);
        assertThat(find(Criteria.builder().text("-conseil").build())).isEmpty();
        assertThat(index.search(OTHER, Criteria.text("conseil"), Sort.NEWEST_FIRST, 0, 10).messageIds()).containsExactly(2L);
        assertThat(index.search(OTHER, Criteria.ALL, Sort.NEWEST_FIRST, 0, 10).total()).isEqualTo(2);
        assertThat(index.search(3, Criteria.ALL, Sort.NEWEST_FIRST, 0, 10)).isEqualTo(Hits.NONE);
    }

    @Test
    void typedTextCannotEscapeTheAccountFilter() {
        for (String typed : new String[]{"account:2", "account:2 OR conseil", "*:*", "conseil OR confidentiel", "+account:2",
                "id:2", "-account:1", ") OR (account:2"}) {
            assertThat(index.search(TestMessage.ACCOUNT, Criteria.text(typed), Sort.NEWEST_FIRST, 0, 10).messageIds())
                    .as(typed).doesNotContain(2L, 3L);
        }
    }

    @Test
    void deletingAnAccountLeavesTheOthers() {
        index.deleteAccount(OTHER);
        assertThat(index.search(OTHER, Criteria.ALL, Sort.NEWEST_FIRST, 0, 10).total()).isZero();
        assertThat(find(Criteria.ALL)).containsExactly(1L);
    }
}
