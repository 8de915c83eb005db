package fr.preau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumenTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            07E9412345ABC         | 07E9412345ABC
            07e9412345abc         | 07E9412345ABC
            07 E94 12345 ABC      | 07E9412345ABC
            ' 07E94 12345ABC '    | 07E9412345ABC
            07.E94.12345.ABC      | 07E9412345ABC
            07-e94-12345-abc      | 07E9412345ABC
            10Z0000001XYZ         | 10Z0000001XYZ
            """)
    void acceptsTheFormatHoweverTyped(String typed, String normal) {
        assertThat(Numen.isValid(typed)).isTrue();
        assertThat(Numen.normalize(typed)).isEqualTo(normal);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"07E9412345AB", "07E9412345ABCD", "7E9412345ABC", "07994123456ABC", "0EE9412345ABC",
            "07E941234AABC", "07E9412345AB1", "07É9412345ABC", "07E9412345ABÇ", "07_E9412345ABC", "O7E9412345ABC"})
    void refusesAnythingElse(String typed) {
        assertThat(Numen.isValid(typed)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"07E9412345ABC", "07e94 12345 abc", "02A0099999ZZZ", "99Z9999999QQQ"})
    void masksEverythingButTheAcademyCodeAndTheLastTwoLetters(String numen) {
        String normal = Numen.normalize(numen);
        String masked = Numen.mask(numen);
        assertThat(masked).hasSize(13)
                .startsWith(normal.substring(0, 2))
                .endsWith(normal.substring(11));
        assertThat(masked.substring(2, 11)).isEqualTo("•".repeat(9));
        for (int i = 2; i < 11; i++) {
            assertThat(masked.substring(2, 11)).doesNotContain(String.valueOf(normal.charAt(i)));
        }
    }

    @org.junit.jupiter.api.Test
    void masksTheExampleOfTheDocumentation() {
        assertThat(Numen.mask("07E9412345ABC")).isEqualTo("07•••••••••BC");
    }
}
