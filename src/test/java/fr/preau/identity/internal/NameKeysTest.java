package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hélène|helene",
            "HÉLÈNE|helene",
            "Lefèvre-Dupré|lefevre dupre",
            "Le Goff|le goff",
            "D’Artagnan|d artagnan",
            "d'Ornano|d ornano",
            "Œuvray|oeuvray",
            "Lætitia|laetitia",
            "Anaïs|anais",
            "François|francois",
            "  Jean--Pierre  |jean pierre",
            "Ñúñez|nunez"})
    void keysIgnoreAccentsCaseAndPunctuation(String name, String key) {
        assertThat(NameKeys.of(name)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"helene DUPRÉ|helene,dupre", "'  '|''", "%_|''"})
    void wordsOfAQuery(String text, String words) {
        assertThat(String.join(",", NameKeys.words(text))).isEqualTo(words);
    }
}
