package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.identity.NewAccount;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HrFileTest {

    private static final NewAccount DUPONT =
            new NewAccount("Dupont", "Jean", "07E9412345ABC", "enseignant", "0210015C", "", "");
    private static final NewAccount LEFEVRE = new NewAccount("Lefèvre-Ñúñez", "Chloé", "07E9454321XYZ",
            "Chargé de cours", "0211234C", "chloe@example.org", "06 12 34 56 78");

    private static List<HrFile.Line> read(String text) throws HrFile.Unreadable {
        return HrFile.read(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("plain, semicolons", "nom;prenom;numen;role;uai"),
                Arguments.of("accents and capitals", "NOM;Prénom;NUMEN;Rôle;UAI"),
                Arguments.of("spaces around", " Nom ; Prénom ;Numen; rôle ;uai "),
                Arguments.of("aliases", "Nom de famille;First name;numen;Fonction;RNE"),
                Arguments.of("aliases with underscores and apostrophes", "nom_d’usage;prenom;numen;profil;code_uai"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void findsColumnsByTheirHeader(String name, String header) throws Exception {
        List<HrFile.Line> lines = read(header + "\nDupont;Jean;07E9412345ABC;enseignant;0210015C\n");
        assertThat(lines).containsExactly(new HrFile.Line(2, DUPONT));
    }

    @Test
    void takesColumnsInAnyOrderWithOptionalContacts() throws Exception {
        List<HrFile.Line> lines = read("""
                UAI;Mobile;Email de secours;Rôle;NUMEN;Prénom;Nom
                0210015C;;;enseignant;07E9412345ABC;Jean;Dupont
                0211234C;06 12 34 56 78;chloe@example.org;Chargé de cours;07E9454321XYZ;Chloé;Lefèvre-Ñúñez
                """);
        assertThat(lines).containsExactly(new HrFile.Line(2, DUPONT), new HrFile.Line(3, LEFEVRE));
    }

    @Test
    void readsCommasQuotesAndWindowsLineEnds() throws Exception {
        List<HrFile.Line> lines = read("nom,prénom,numen,rôle,uai,courriel,téléphone\r\n"
                + "Dupont,Jean,07E9412345ABC,enseignant,0210015C,,\r\n"
                + "\"Lefèvre-Ñúñez\",\"Chloé\",07E9454321XYZ,\"Chargé de cours\",0211234C,chloe@example.org,\"06 12 34 56 78\"\r\n");
        assertThat(lines).containsExactly(new HrFile.Line(2, DUPONT), new HrFile.Line(3, LEFEVRE));
    }

    @Test
    void readsQuotedSemicolonsAndDoubledQuotes() throws Exception {
        List<HrFile.Line> lines = read("nom;prenom;numen;role;uai\n\"D'Artagnan; dit \"\"le Gascon\"\"\";Charles;07E9412345ABC;enseignant;0210015C\n");
        assertThat(lines.getFirst().account().lastName()).isEqualTo("D'Artagnan; dit \"le Gascon\"");
    }

    @Test
    void skipsBlankLinesAndKeepsTheRealLineNumbers() throws Exception {
        List<HrFile.Line> lines = read("""

                nom;prenom;numen;role;uai

                Dupont;Jean;07E9412345ABC;enseignant;0210015C
                ;;;;
                   \s
                "Lefèvre-Ñúñez";Chloé;07E9454321XYZ;Chargé de cours;0211234C
                """);
        assertThat(lines).extracting(HrFile.Line::number).containsExactly(4, 7);
    }

    @Test
    void numbersARecordByTheLineWhereItStarts() throws Exception {
        List<HrFile.Line> lines = read("nom;prenom;numen;role;uai\n\"Dupont\nMartin\";Jean;07E9412345ABC;enseignant;0210015C\n"
                + "Durand;Alice;07E9454321XYZ;enseignant;0210015C\n");
        assertThat(lines).extracting(HrFile.Line::number).containsExactly(2, 4);
    }

    @Test
    void readsUtf8WithAByteOrderMark() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Nom;Prénom;NUMEN;Rôle;UAI\nLefèvre-Ñúñez;Chloé;07E9454321XYZ;Chargé de cours;0211234C\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        assertThat(HrFile.read(file).getFirst().account().lastName()).isEqualTo("Lefèvre-Ñúñez");
    }

    @Test
    void readsWindows1252() throws Exception {
        byte[] file = "Nom;Prénom;NUMEN;Rôle;UAI\nLefèvre-Cœur;Chloé;07E9454321XYZ;Chargé de cours;0211234C\n"
                .getBytes(Charset.forName("windows-1252"));
        NewAccount account = HrFile.read(file).getFirst().account();
        assertThat(account.lastName()).isEqualTo("Lefèvre-Cœur");
        assertThat(account.firstName()).isEqualTo("Chloé");
        assertThat(account.role()).isEqualTo("Chargé de cours");
    }

    @Test
    void shortLinesLeaveTheMissingFieldsEmpty() throws Exception {
        assertThat(read("nom;prenom;numen;role;uai;mobile\nDupont;Jean\n").getFirst().account())
                .isEqualTo(new NewAccount("Dupont", "Jean", "", "", "", "", ""));
    }

    @Test
    void ignoresUnknownColumns() throws Exception {
        assertThat(read("matricule;nom;prenom;numen;role;uai;commentaire\n42;Dupont;Jean;07E9412345ABC;enseignant;0210015C;RAS\n"))
                .containsExactly(new HrFile.Line(2, DUPONT));
    }

    @Test
    void refusesAFileWithoutARequiredColumn() {
        assertThatThrownBy(() -> read("nom;prenom;numen;role\nDupont;Jean;07E9412345ABC;enseignant\n"))
                .isInstanceOfSatisfying(HrFile.Unreadable.class, e -> {
                    assertThat(e.key()).isEqualTo("import.error.missing-column");
                    assertThat(e.args()).containsExactly("uai");
                });
        assertThatThrownBy(() -> read("nom;prénom;uai;role\n"))
                .isInstanceOfSatisfying(HrFile.Unreadable.class, e -> assertThat(e.args()).containsExactly("numen"));
    }

    @Test
    void refusesAColumnGivenTwice() {
        assertThatThrownBy(() -> read("nom;prenom;numen;role;uai;RNE\n"))
                .isInstanceOfSatisfying(HrFile.Unreadable.class, e -> {
                    assertThat(e.key()).isEqualTo("import.error.duplicate-column");
                    assertThat(e.args()).containsExactly("RNE");
                });
    }

    @Test
    void refusesAnEmptyFile() {
        for (String empty : List.of("", "\n\n", "  \n")) {
            assertThatThrownBy(() -> read(empty)).isInstanceOfSatisfying(HrFile.Unreadable.class,
                    e -> assertThat(e.key()).isIn("import.error.empty"));
        }
    }

    @Test
    void aHeaderAloneHasNoLines() throws Exception {
        assertThat(read("nom;prenom;numen;role;uai\n")).isEmpty();
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertThatThrownBy(() -> read("nom;prenom;numen;role;uai\n\"Dupont;Jean;07E9412345ABC;enseignant;0210015C\n"))
                .isInstanceOfSatisfying(HrFile.Unreadable.class, e -> assertThat(e.key()).isEqualTo("import.error.malformed"));
    }
}
