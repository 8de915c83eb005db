package fr.preau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            06 12 34 56 78          | +33612345678
            0712345678              | +33712345678
            06.12.34.56.78          | +33612345678
            06-12-34-56-78          | +33612345678
            06/12/34/56/78          | +33612345678
            ' 06 12 34 56 78 '      | +33612345678
            +33 6 12 34 56 78       | +33612345678
            +33 (0)6 12 34 56 78    | +33612345678
            +330612345678           | +33612345678
            0033 6 12 34 56 78      | +33612345678
            0692 12 34 56           | +262692123456
            0693 12 34 56           | +262693123456
            0639 12 34 56           | +262639123456
            0690 12 34 56           | +590690123456
            0691 12 34 56           | +590691123456
            0694 12 34 56           | +594694123456
            0696 12 34 56           | +596696123456
            0697 12 34 56           | +596697123456
            +33 692 12 34 56        | +262692123456
            +262 692 12 34 56       | +262692123456
            +44 7911 123456         | +447911123456
            0044 7911 123456        | +447911123456
            +1 (415) 555-2671       | +14155552671
            +49 1512 3456789        | +4915123456789
            """)
    void normalizesMobilesToTheInternationalForm(String typed, String international) {
        assertThat(Contacts.mobile(typed)).contains(international);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"03 80 44 84 00", "01 23 45 67 89", "08 00 00 00 00", "06 12 34 56", "06 12 34 56 78 9",
            "+33 3 80 44 84 00", "612345678", "+0 612345678", "+1234567", "+1234567890123456", "06 12 34 56 7a",
            "téléphone", "+33 6 12 34 56 78 ext 2"})
    void refusesWhatIsNoMobileNumber(String typed) {
        assertThat(Contacts.mobile(typed)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +33612345678   | +33 6 12 34 56 78
            +33712345678   | +33 7 12 34 56 78
            +262692123456  | +262692123456
            +447911123456  | +447911123456
            """)
    void showsFrenchMobilesInGroups(String international, String shown) {
        assertThat(Contacts.displayMobile(international)).isEqualTo(shown);
    }

    @org.junit.jupiter.api.Test
    void showsNothingForNoMobile() {
        assertThat(Contacts.displayMobile(null)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jean.dupont@example.org           | jean.dupont@example.org
            Jean.Dupont@Example.ORG           | jean.dupont@example.org
            '  jean@laposte.net '             | jean@laposte.net
            jean+preau@gmail.com              | jean+preau@gmail.com
            o'neill@example.ie                | o'neill@example.ie
            j_dupont-2@sub.domaine-ecole.fr   | j_dupont-2@sub.domaine-ecole.fr
            """)
    void acceptsWellFormedAddressesInLowerCase(String typed, String normal) {
        assertThat(Contacts.email(typed)).contains(normal);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jean", "jean@", "@example.org", "jean@example", "jean@@example.org", "jean dupont@example.org",
            "jean@exa mple.org", "jean@-example.org", "jean@example-.org", "jean@example.o", "jéan@example.org",
            "jean@example.org.", "<jean@example.org>", "jean@example.org, marie@example.org"})
    void refusesMalformedAddresses(String typed) {
        assertThat(Contacts.email(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongAddresses() {
        String longDomain = ("a".repeat(60) + ".").repeat(5) + "fr";
        assertThat(Contacts.email("j@" + longDomain)).isEmpty();
        assertThat(Contacts.email("x".repeat(65) + "@example.org")).isEmpty();
        assertThat(Contacts.email("x".repeat(64) + "@example.org")).isPresent();
    }
}
