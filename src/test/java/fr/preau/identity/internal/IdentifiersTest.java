package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifiersTest {

    @ParameterizedTest(name = "{0} {1} -> {2} / {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Jean          | Dupont                 | jdupont        | jean.dupont
            Jean-Pierre   | De La Fontaine         | jdelafontaine  | jean-pierre.de-la-fontaine
            Chloé         | Lefèvre-Ñúñez          | clefevrenunez  | chloe.lefevre-nunez
            Éloïse        | D'Artagnan             | edartagnan     | eloise.dartagnan
            Anne-Sophie   | O’Neill                | aoneill        | anne-sophie.oneill
            Lætitia       | Cœur                   | lcoeur         | laetitia.coeur
            Œdipe         | Roi                    | oroi           | oedipe.roi
            Günther       | Straße                 | gstrasse       | gunther.strasse
            Marie Claire  | Du Pont                | mdupont        | marie-claire.du-pont
            J.            | Martin                 | jmartin        | j.martin
            Zoë           | N'Diaye-Ba             | zndiayeba      | zoe.ndiaye-ba
            """)
    void deriveIdentifiantAndAddressFromTheNames(String first, String last, String login, String local) {
        assertThat(Identifiers.loginBase(first, last)).isEqualTo(login);
        assertThat(Identifiers.localPartBase(first, last)).isEqualTo(local);
    }

    @Test
    void keepRoomForANumberWithinTheMaximumLengths() {
        String longName = "Montmorency-Laval-Beauharnais-Bourbon-Orléans";
        assertThat(Identifiers.loginBase("Jean", longName)).hasSize(Identifiers.MAX_LOGIN - 2)
                .isEqualTo("jmontmorencylavalbeauh");
        assertThat(Identifiers.localPartBase("Jean-Baptiste-Marie", longName)).hasSize(Identifiers.MAX_LOCAL_PART - 2)
                .startsWith("jean-baptiste-marie.montmorency-laval-");
        String base = Identifiers.loginBase("Jean", longName);
        Set<String> taken = new java.util.HashSet<>(Set.of(base));
        for (int n = 2; n <= 9; n++) {
            taken.add(base + n);
        }
        assertThat(Identifiers.firstFree(base, taken)).isEqualTo(base + "10").hasSize(Identifiers.MAX_LOGIN);
    }

    @Test
    void refuseNamesWithoutLetters() {
        assertThatThrownBy(() -> Identifiers.loginBase("--", "Dupont")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.loginBase("Jean", "’")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Éléonore       | eleonore
            ÇA VA          | ca va
            Œuvre Æther    | oeuvre aether
            Weiß           | weiss
            Ñúñez          | nunez
            """)
    void foldToLowerCaseAscii(String text, String ascii) {
        assertThat(Identifiers.ascii(text)).isEqualTo(ascii);
    }

    @Test
    void numberHomonymsFromTwo() {
        assertThat(Identifiers.firstFree("jdupont", Set.of())).isEqualTo("jdupont");
        assertThat(Identifiers.firstFree("jdupont", Set.of("jdupont"))).isEqualTo("jdupont2");
        assertThat(Identifiers.firstFree("jdupont", Set.of("jdupont", "jdupont2", "jdupont4"))).isEqualTo("jdupont3");
        assertThat(Identifiers.firstFree("jdupont", Set.of("jdupont2", "jdupontel"))).isEqualTo("jdupont");
    }

    @Test
    void numberHomonymAddressesBeforeTheDomain() {
        assertThat(Identifiers.firstFreeAddress("jean.dupont", "ac-dijon.fr", Set.of("jean.dupont@ac-lyon.fr")))
                .isEqualTo("jean.dupont@ac-dijon.fr");
        assertThat(Identifiers.firstFreeAddress("jean.dupont", "ac-dijon.fr",
                Set.of("jean.dupont@ac-dijon.fr", "jean.dupont2@ac-dijon.fr"))).isEqualTo("jean.dupont3@ac-dijon.fr");
    }
}
