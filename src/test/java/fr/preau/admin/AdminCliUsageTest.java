package fr.preau.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code preau admin} answers without starting Préau: help, bad usage (exit 2, one
 * translated line), and no NUMEN echoed back. In-process, so fast; the *IT classes run the jar.
 */
class AdminCliUsageTest {

    @TempDir
    Path dataDir;

    record Outcome(int status, String out, String err) {}

    private Outcome run(Locale locale, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal noTerminal = new Terminal() {
            @Override
            public String readSecret(String prompt) {
                throw new AssertionError("no prompt expected");
            }
        };
        int status = AdminCli.run(args, new CliSupport(locale, ZoneOffset.UTC), noTerminal,
                Map.of("PREAU_DATA_DIR", dataDir.toString()), new PrintWriter(out), new PrintWriter(err));
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void helpListsTheGroupsInFrenchAndEnglish() {
        Outcome fr = run(Locale.FRENCH, "--help");
        assertThat(fr.status()).isZero();
        assertThat(fr.out()).contains("Utilisation : preau admin", "Commandes :", "academy", "department",
                "establishment", "account", "letters", "maintenance", "audit");
        Outcome en = run(Locale.ENGLISH, "account", "import", "--help");
        assertThat(en.status()).isZero();
        assertThat(en.out()).contains("Usage: preau admin account import", "--skip-invalid", "--codes=FILE.csv",
                "--letters=DIR", "Import an HR file");
        assertThat(run(Locale.FRENCH, "help", "letters").out()).contains("--output=FILE.html", "NOUVEAUX codes");
    }

    @Test
    void badUsageIsOneTranslatedLineAndStatusTwo() {
        Outcome missing = run(Locale.FRENCH, "account", "create", "--last-name", "Dupont");
        assertThat(missing.status()).isEqualTo(CliSupport.USAGE);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err().lines()).singleElement().asString()
                .contains("Option ou paramètre obligatoire manquant", "--first-name", "--uai",
                        "preau admin account create --help");

        Outcome typo = run(Locale.ENGLISH, "account", "list", "--limt", "5");
        assertThat(typo.status()).isEqualTo(CliSupport.USAGE);
        assertThat(typo.err().lines()).singleElement().asString()
                .contains("Unrecognised argument: \"--limt\"", "did you mean --limit");

        Outcome nothing = run(Locale.FRENCH, "academy", "edit", "dijon");
        assertThat(nothing.status()).isEqualTo(CliSupport.USAGE);
        assertThat(nothing.err()).contains("Rien à modifier");

        Outcome both = run(Locale.FRENCH, "letters", "--uai", "0210015C", "--account", "jdupont", "--output", "x.html");
        assertThat(both.status()).isEqualTo(CliSupport.USAGE);
        assertThat(both.err()).contains("Options incompatibles : --uai, --account");

        Outcome group = run(Locale.FRENCH, "maintenance");
        assertThat(group.status()).isEqualTo(CliSupport.USAGE);
        assertThat(group.err()).contains("Commande incomplète", "status", "on", "off");
    }

    @Test
    void noNumenIsEchoedBack() {
        Outcome stray = run(Locale.FRENCH, "account", "list", "07E9412345ABC");
        assertThat(stray.status()).isEqualTo(CliSupport.USAGE);
        assertThat(stray.err()).doesNotContain("07E9412345ABC").contains("07•••••••••BC");

        Outcome spaced = run(Locale.FRENCH, "account", "list", "--status", "07 E94 12345 abc");
        assertThat(spaced.err()).doesNotContainIgnoringCase("12345");
    }

    @Test
    void aConflictWithAConcurrentChangeIsARefusalNotACrash() {
        CliSupport cli = new CliSupport(Locale.ENGLISH, ZoneOffset.UTC);
        picocli.CommandLine commandLine = AdminCli.commandLine(cli);
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int status = cli.handle(new org.springframework.dao.DuplicateKeyException("account_login_key"), commandLine, null);
        assertThat(status).isEqualTo(CliSupport.REFUSED);
        assertThat(err.toString().lines()).singleElement().asString()
                .contains("conflicts with another one made at the same moment", "nothing was saved");
    }

    @Test
    void masksEveryNumenShape() {
        assertThat(CliSupport.maskNumens("uai « 07E9412345ABC »")).isEqualTo("uai « 07•••••••••BC »");
        assertThat(CliSupport.maskNumens("07e9412345abc")).isEqualTo("07•••••••••BC");
        assertThat(CliSupport.maskNumens("0210015C jdupont 2026-12-23")).isEqualTo("0210015C jdupont 2026-12-23");
    }

    @Test
    void fileChecksComeBeforeStartUp(@TempDir Path dir) throws Exception {
        Path existing = java.nio.file.Files.writeString(dir.resolve("codes.csv"), "x");
        Path hr = java.nio.file.Files.writeString(dir.resolve("hr.csv"), "nom;prenom;numen;role;uai\n");
        Outcome refused = run(Locale.FRENCH, "account", "import", hr.toString(), "--codes", existing.toString());
        assertThat(refused.status()).isEqualTo(CliSupport.REFUSED);
        assertThat(refused.err().lines()).singleElement().asString().contains("existe déjà", "codes.csv");

        Outcome unreadable = run(Locale.ENGLISH, "account", "import", dir.resolve("missing.csv").toString());
        assertThat(unreadable.status()).isEqualTo(CliSupport.REFUSED);
        assertThat(unreadable.err()).contains("Cannot read the file");
        // nothing was started: no database, no log
        assertThat(dataDir).isEmptyDirectory();
    }
}
