package fr.preau.mail.internal.search;

import static fr.preau.mail.internal.search.TestMessage.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a person types, in whichever criterion, the search answers and never throws. */
class BadInputTest extends IndexFixture {

    @BeforeEach
    void messages() {
        add(message(1).subject("Réunion (AND) du conseil: ordre du jour").body("c++ \"quoted\" a:b * ? ~ ^ [x TO y]")
                .from("Jean Dupont", "jean.dupont@ac-dijon.fr").attachment("a*b?.pdf"));
    }

    static Stream<String> typed() {
        List<String> inputs = new ArrayList<>(List.of("", " ", "\t\n", "\"", "\"\"", "\" \"", "\"unclosed", "*", "**", "?", ":",
                "::", "(", ")", "()", "[", "]", "{", "}", "[a TO z]", "AND", "OR", "NOT", "a AND b", "AND OR NOT", "&&", "||",
                "!", "+", "-", "--", "- -", "-\"", "-\"\"", "+foo -bar", "subject:foo", "*:*", "foo~2", "foo^10", "\\", "\\\"",
                "/regex/", "/", "%", "'", "''", "l'", "d'", "qu'", "@", "@@", ".", "-.-", "<>", "<jean@", "@ac-dijon.fr",
                "\u0000", "\u0000\u0001\u001f", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u200B", "\u202E", "\uFEFF", "e\u0301\u0301\u0301",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "中文邮件", "ﬁchier", "x".repeat(100_000), "é".repeat(10_000), "\"" + "a ".repeat(5_000) + "\"",
                "-" + "x".repeat(300)));
        inputs.add(IntStream.range(0, 5_000).mapToObj(i -> "mot" + i).collect(Collectors.joining(" ")));
        inputs.add(IntStream.range(0, 2_000).mapToObj(i -> "\"a b c d e f g h i j k l m n o p\"").collect(Collectors.joining(" ")));
        inputs.add(IntStream.range(0, 2_000).mapToObj(i -> "-w" + i).collect(Collectors.joining(" ")));
        inputs.add("\"".repeat(999));
        return inputs.stream();
    }

    @ParameterizedTest
    @MethodSource("typed")
    void neverThrows(String input) {
        List<Criteria> criteria = List.of(
                Criteria.text(input),
                Criteria.builder().text(input).prefix(true).build(),
                Criteria.builder().from(input).to(input).build(),
                Criteria.builder().subject(input).body(input).attachmentName(input).build(),
                Criteria.builder().keyword(input).build(),
                Criteria.builder().text(input).from(input).to(input).subject(input).body(input).attachmentName(input)
                        .prefix(true).keyword(input).build());
        for (Criteria c : criteria) {
            for (Sort sort : List.of(Sort.NEWEST_FIRST, Sort.BEST_FIRST, Sort.ascending(Sort.Key.FROM))) {
                assertThatCode(() -> index.search(TestMessage.ACCOUNT, c, sort, 0, 50)).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void nullCriteriaAreAbsentOnes() {
        assertThat(find(Criteria.builder().text(null).from(null).keyword(null).build())).containsExactly(1L);
    }

    @Test
    void operatorsAreWordsNotSyntax() {
        assertThat(text("réunion AND conseil")).containsExactly(1L);
        assertThat(text("réunion OR absent")).isEmpty();
        assertThat(text("ordre:jour")).isEmpty();
        assertThat(text("\"ordre du jour\"")).containsExactly(1L);
        assertThat(text("c++")).containsExactly(1L);
        assertThat(find(Criteria.builder().attachmentName("a*b?").build())).containsExactly(1L);
    }
}
