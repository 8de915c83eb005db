package fr.preau.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class OpeningHoursTest {

    /** The real bundles, read as the application reads them (spring.messages.* in application.yml). */
    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/tenancy");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static OpeningHours.Range range(String start, String end) {
        return new OpeningHours.Range(LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void parsesDayRangesSingleDaysAndSeveralRanges() {
        assertThat(OpeningHours.parse("Mo-Fr 08:00-12:00,13:30-17:00; Sa 09:00-12:00").slots()).containsExactly(
                new OpeningHours.Slot(DayOfWeek.MONDAY, DayOfWeek.FRIDAY,
                        List.of(range("08:00", "12:00"), range("13:30", "17:00"))),
                new OpeningHours.Slot(DayOfWeek.SATURDAY, DayOfWeek.SATURDAY, List.of(range("09:00", "12:00"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mo 08:00-12:00", "Mo-Su 00:00-23:59", "  Tu-Th 08:30 - 12:00 , 14:00-16:30 ;We 09:00-10:00 ",
            "Mo-Mo 08:00-09:00", "Su 10:00-11:00"})
    void acceptsTheCompactForm(String hours) {
        assertThat(OpeningHours.isValid(hours)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "Mo", "08:00-12:00", "Lu 08:00-12:00", "mo 08:00-12:00", "Fr-Mo 08:00-12:00",
            "Mo 12:00-08:00", "Mo 08:00-08:00", "Mo 08:00", "Mo 8h-12h", "Mo 8:00-12:00", "Mo 25:00-26:00",
            "Mo 08:00-12:00-13:00", "Mo 08:00-12:00;;Tu 08:00-09:00", "Mo 08:00-12:00,,13:00-14:00",
            "Mo-Fr-Sa 08:00-12:00", "Mo,Tu 08:00-12:00"})
    void refusesAnythingElse(String hours) {
        assertThat(OpeningHours.isValid(hours)).isFalse();
        assertThatThrownBy(() -> OpeningHours.parse(hours)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mo 08:00-12:00;", "Mo 08:00-12:00,"})
    void toleratesATrailingSeparator(String hours) {
        assertThat(OpeningHours.parse(hours)).isEqualTo(OpeningHours.parse("Mo 08:00-12:00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mo-Fr 08:00-12:00; Lu 09:00-10:00   | Lu 09:00-10:00
            Mo 08:00-12:00; Tu 10:00-09:00      | Tu 10:00-09:00
            """)
    void namesTheFaultyPart(String hours, String faulty) {
        assertThatThrownBy(() -> OpeningHours.parse(hours)).hasMessage(faulty);
    }

    @Test
    void describesInFrench() {
        assertThat(OpeningHours.parse("Mo-Fr 08:00-12:00,13:30-17:00; Sa 09:00-12:00").describe(Locale.FRENCH, MESSAGES))
                .isEqualTo("du lundi au vendredi 08:00 – 12:00 et 13:30 – 17:00 ; samedi 09:00 – 12:00");
        assertThat(OpeningHours.parse("We 14:00-16:00").describe(Locale.FRANCE, MESSAGES))
                .isEqualTo("mercredi 14:00 – 16:00");
    }

    @Test
    void describesInEnglish() {
        String text = OpeningHours.parse("Mo-Fr 08:00-12:00,13:30-17:00; Sa 09:00-12:00")
                .describe(Locale.ENGLISH, MESSAGES);
        assertThat(text).startsWith("Monday to Friday 08:00–12:00 and 13:30–17:00").contains("Saturday 09:00–12:00");
        assertThat(OpeningHours.parse("We 14:00-16:00").describe(Locale.UK, MESSAGES)).isEqualTo("Wednesday 14:00–16:00");
    }

    @Test
    void isWhatAHelpDeskShows() {
        assertThat(new HelpDesk("03 80 44 84 00", "Sa 09:00-12:00", null).openingHours().describe(Locale.FRENCH, MESSAGES))
                .isEqualTo("samedi 09:00 – 12:00");
    }
}
