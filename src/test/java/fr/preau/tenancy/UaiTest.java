package fr.preau.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UaiTest {

    @ParameterizedTest
    @ValueSource(strings = {"0210015C", "0750654D", "0690026D", "0130001F", "9740001H", "0000000A", "0000022Z",
            "0210015c", " 0210015C ", "\t0690026d\n"})
    void acceptsCodesWithTheRightCheckLetter(String code) {
        assertThat(Uai.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0210015D", "0210015", "02100150C", "021001C", "O210015C", "0210015 C", "02100I5C",
            "0210015-", "ABCDEFGH", "0210015CC", "٠٢١٠٠١٥C"})
    void refusesOtherCodes(String code) {
        assertThat(Uai.isValid(code)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0210015,C", "0750654,D", "0000000,A", "0000022,Z", "0000023,A", "0000008,J", "0000013,P",
            "9999999,P"})
    void computesTheCheckLetterWithoutIOrQ(String digits, char letter) {
        assertThat(Uai.checkLetter(digits)).isEqualTo(letter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "021001", "02100155", "021001X", " 0210015"})
    void needsSevenDigitsForACheckLetter(String digits) {
        assertThatThrownBy(() -> Uai.checkLetter(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"' 0210015c ',0210015C", "NULL,''", "0690026D,0690026D"})
    void normalizes(String input, String normal) {
        assertThat(Uai.normalize(input)).isEqualTo(normal);
    }

    @org.junit.jupiter.api.Test
    void noCheckLetterIsIOOrQ() {
        for (int i = 0; i < 23; i++) {
            assertThat(Uai.checkLetter("%07d".formatted(i))).isNotIn('I', 'O', 'Q');
        }
    }
}
