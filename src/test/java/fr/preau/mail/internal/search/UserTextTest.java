package fr.preau.mail.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.mail.internal.search.UserText.Clause;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTextTest {

    private static Clause word(String text) {
        return new Clause(text, false, false, false);
    }

    @Test
    void wordsPhrasesAndExclusions() {
        assertThat(UserText.parse("  réunion  \"conseil de classe\" -absent -\"hors sujet\" ", false)).containsExactly(
                word("réunion"),
                new Clause("conseil de classe", true, false, false),
                new Clause("absent", false, true, false),
                new Clause("hors sujet", true, true, false));
    }

    @Test
    void quotesEndWordsAndAnUnclosedQuoteRunsToTheEnd() {
        assertThat(UserText.parse("a\"b c", false)).containsExactly(word("a"), new Clause("b c", true, false, false));
        assertThat(UserText.parse("«ordre du jour»", false)).containsExactly(new Clause("ordre du jour", true, false, false));
    }

    @Test
    void aMinusAloneOrInsideAWordIsText() {
        assertThat(UserText.parse("- a-b", false)).containsExactly(word("-"), word("a-b"));
    }

    @Test
    void onlyTheLastPlainWordStillBeingTypedIsAPrefix() {
        assertThat(UserText.parse("conseil cla", true)).containsExactly(word("conseil"), new Clause("cla", false, false, true));
        assertThat(UserText.parse("conseil cla ", true)).containsExactly(word("conseil"), word("cla"));
        assertThat(UserText.parse("conseil -cla", true)).containsExactly(word("conseil"), new Clause("cla", false, true, false));
        assertThat(UserText.parse("\"conseil cla\"", true)).containsExactly(new Clause("conseil cla", true, false, false));
    }

    @Test
    void longInputIsCut() {
        assertThat(UserText.parse("a ".repeat(100), false)).hasSize(UserText.MAX_CLAUSES);
        List<Clause> one = UserText.parse("x".repeat(5_000), false);
        assertThat(one).hasSize(1);
        assertThat(one.getFirst().text()).hasSize(UserText.MAX_LENGTH);
        assertThat(UserText.parse(null, true)).isEmpty();
    }
}
