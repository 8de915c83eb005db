package fr.preau.admin;

import static fr.preau.admin.Fixture.CARNOT;
import static fr.preau.admin.Fixture.PARDE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.admin.PreauJar.Cli;
import fr.preau.admin.PreauJar.Invocation;
import fr.preau.admin.PreauJar.Result;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preau admin account import} with HR files as académies send them: errors on several
 * lines (nothing imported, every line reported), --skip-invalid, homonyms, semicolons and
 * commas, Windows-1252, where the activation codes go, and 10,000 lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountImportIT {

    @TempDir
    static Path work;

    Cli cli;
    H2Host db;

    @BeforeAll
    void start() {
        PreauJar.assumePackaged();
        Path data = Fixture.copyTo(work.resolve("data"));
        cli = new Cli(data);
        db = H2Host.open(data);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static final String WITH_ERRORS = """
            Nom;Prénom;NUMEN;Rôle;UAI;Email de secours;Mobile
            Dupont;Jean;07T9412345ABC;Enseignant;%1$s;jean.dupont@example.org;06 12 34 56 78
            Dupont;Jean;07T9412346ABC;enseignant;%2$s;;
            Martin;;07E94;prof;0219999X;pas-une-adresse;123
            Durand;Léa;07T9412345ABC;enseignant;%1$s;;
            Petit;Luc;07T9412347ABC;Chargé de cours;%1$s;luc@ac-dijon.fr;
            Dupont;Jean;07T9412348ABC;enseignant;%1$s;;
            """.formatted(CARNOT, PARDE);

    @Test
    @Order(1)
    void refusesTheWholeFileAndReportsEveryLine() throws IOException {
        Path file = Files.writeString(work.resolve("errors.csv"), WITH_ERRORS);
        Path noColumn = Files.writeString(work.resolve("no-numen.csv"), "nom;prénom;rôle;uai\nDupont;Jean;enseignant;"
                + CARNOT + "\n");
        Path existing = Files.writeString(work.resolve("existing.csv"), "x");
        List<Result> r = cli.parallel(
                Invocation.of("account", "import", file.toString()),
                Invocation.of("account", "import", noColumn.toString()).english(),
                Invocation.of("account", "import", file.toString(), "--codes", existing.toString()));

        Result refused = r.get(0).expectExit(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.errLines()).contains(
                "ligne 4 (prénom) : Le prénom est obligatoire.",
                "ligne 4 (rôle) : Rôle inconnu : « prof » (enseignant, personnel administratif, chargé de cours, "
                        + "enseignant-chercheur, support ou administrateur).",
                "ligne 4 (uai) : Aucun établissement n’a le code UAI « 0219999X ».",
                "ligne 4 (email de secours) : Adresse de secours invalide : « pas-une-adresse ».",
                "ligne 5 (numen) : Même NUMEN qu’à la ligne 2.",
                "ligne 6 (email de secours) : L’adresse de secours doit être une adresse personnelle, pas une adresse "
                        + "académique.");
        assertThat(refused.err()).contains("ligne 4 (numen) : NUMEN invalide", "ligne 4 (mobile) : Numéro de mobile invalide",
                "6 ligne(s) lue(s), 3 en erreur : aucun compte n’a été importé",
                "--skip-invalid pour importer les 3 ligne(s) valide(s)");
        assertThat(r.get(1).expectExit(1).err()).contains("file: Required column missing from the header line: \"numen\"",
                "Nothing was imported.");
        r.get(2).expectRefusal("existe déjà");
        assertThat(db.count("select count(*) from account")).isZero();
        assertThat(Files.readString(existing)).isEqualTo("x");
    }

    @Test
    @Order(2)
    void skipInvalidImportsTheGoodLinesAndKeepsTheCodesWhereAsked() throws IOException {
        Path file = work.resolve("errors.csv");
        Path codes = work.resolve("codes.csv");
        Path letters = work.resolve("lettres");
        Result r = cli.admin("account", "import", file.toString(), "--skip-invalid", "--codes", codes.toString(),
                "--letters", letters.toString()).expectExit(0);

        assertThat(r.out()).contains("6 ligne(s) lue(s), 3 compte(s) créé(s).", "3 code(s) d’activation écrit(s)",
                "3 lettre(s) d’activation dans 2 fichier(s)");
        assertThat(r.err()).contains("ligne 4 (prénom)", "ligne 5 (numen)", "3 ligne(s) en erreur ignorée(s)");
        // homonyms are numbered in file order, whatever their établissement
        List<String> lines = Files.readAllLines(codes, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFidentifiant;adresse;code;expiration;nom;prénom;uai");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("jdupont;jean.dupont@ac-dijon.fr;").endsWith(";Dupont;Jean;" + CARNOT);
        assertThat(lines.get(2)).startsWith("jdupont2;jean.dupont2@ac-dijon.fr;").endsWith(";Dupont;Jean;" + PARDE);
        assertThat(lines.get(3)).startsWith("jdupont3;jean.dupont3@ac-dijon.fr;").endsWith(";Dupont;Jean;" + CARNOT);
        assertThat(lines.get(1)).matches(".*;[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4};\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(Files.getPosixFilePermissions(codes)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        String carnot = Files.readString(letters.resolve(CARNOT + ".html"));
        String parde = Files.readString(letters.resolve(PARDE + ".html"));
        assertThat(Pattern.compile("<article class=\"letter\">").matcher(carnot).results().count()).isEqualTo(2);
        assertThat(carnot).contains("jdupont", "jdupont3", codeOf(lines.get(1)), codeOf(lines.get(3)));
        assertThat(parde).contains("jdupont2", codeOf(lines.get(2))).doesNotContain("jdupont3");
        assertThat(db.count("select count(*) from account")).isEqualTo(3);
        assertThat(db.count("select count(*) from account where login = 'jdupont' and mobile = '+33612345678'"
                + " and backup_email = 'jean.dupont@example.org'")).isOne();
    }

    @Test
    @Order(3)
    void readsCommaSeparatedWindows1252AndTenThousandLines() throws IOException {
        // a spreadsheet's "CSV (comma separated)" export on Windows: comma, Windows-1252, CRLF
        String legacy = "NOM,PRENOM,NUMEN,FONCTION,RNE\r\n"
                + "Lefèvre,Hélène,07T9412349ABC,Enseignant-chercheur,%s\r\n".formatted(CARNOT)
                + "Cœur,François,07T9412350ABC,\"Personnel administratif\",%s\r\n".formatted(PARDE)
                + "DUPONT,Jean,07T9412351ABC,enseignant,%s\r\n".formatted(CARNOT);
        Path windows = work.resolve("windows.csv");
        Files.write(windows, legacy.getBytes(Charset.forName("windows-1252")));

        Path big = work.resolve("big.csv");
        StringBuilder csv = new StringBuilder("nom;prénom;numen;rôle;uai\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Nom").append(letters(i)).append(";Agent;07B").append("%07d".formatted(i)).append("XYZ;")
                    .append(i % 3 == 0 ? "personnel administratif" : "enseignant").append(';')
                    .append(i % 2 == 0 ? CARNOT : PARDE).append('\n');
        }
        Files.writeString(big, csv);
        Path bigCodes = work.resolve("big-codes.csv");

        List<Result> r = cli.parallel(
                Invocation.of("account", "import", big.toString(), "--codes", bigCodes.toString()),
                Invocation.of("account", "import", windows.toString()));
        Result bigImport = r.get(0).expectExit(0);
        assertThat(bigImport.out()).contains("10000 ligne(s) lue(s), 10000 compte(s) créé(s).");
        assertThat(Files.readAllLines(bigCodes)).hasSize(10_001);
        assertThat(db.count("select count(*) from account where login like 'anom%'")).isEqualTo(10_000);
        assertThat(db.count("select count(distinct email) from account")).isEqualTo(db.count("select count(*) from account"));

        Result legacyImport = r.get(1).expectExit(0);
        assertThat(legacyImport.out()).contains("3 ligne(s) lue(s), 3 compte(s) créé(s).");
        assertThat(legacyImport.err()).contains("les codes d’activation n’ont été conservés nulle part",
                "preau admin letters --uai UAI --output FICHIER.html");
        assertThat(db.rows("select login, email, last_name, first_name, role from account "
                + "where login in ('hlefevre', 'fcoeur', 'jdupont4') order by login")).containsExactly(
                "fcoeur | francois.coeur@ac-dijon.fr | Cœur | François | PERSONNEL_ADMINISTRATIF",
                "hlefevre | helene.lefevre@ac-dijon.fr | Lefèvre | Hélène | ENSEIGNANT_CHERCHEUR",
                "jdupont4 | jean.dupont4@ac-dijon.fr | DUPONT | Jean | ENSEIGNANT");
    }

    private static String codeOf(String codesLine) {
        return codesLine.split(";")[2];
    }

    /** A distinct run of letters for a number (names may not hold digits). */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
