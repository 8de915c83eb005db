package fr.preau.admin;

import static fr.preau.admin.Fixture.CARNOT;
import static fr.preau.admin.Fixture.PARDE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.admin.PreauJar.Cli;
import fr.preau.admin.PreauJar.Invocation;
import fr.preau.admin.PreauJar.Result;
import fr.preau.identity.Numen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
 * {@code preau admin} on the embedded H2, as an administrator uses it: every command, the
 * refusals (exit 1, one translated line), bad usage (exit 2), English, and no NUMEN anywhere
 * in what is printed, written or audited. The test JVM holds the database open (as the server
 * would), so that independent commands can run side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCliIT {

    static final String NUMEN_JEAN = "07T5550101JDP";
    static final String NUMEN_JEAN_2 = "07T5550102JDQ";
    static final String NUMEN_ZOE = "07T5550103ZMR";
    static final String NUMEN_PAUL = "07T5550104PBR";
    static final List<String> NUMENS = List.of(NUMEN_JEAN, NUMEN_JEAN_2, NUMEN_ZOE, NUMEN_PAUL);
    static final Pattern CODE = Pattern.compile("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");

    @TempDir
    static Path work;

    Cli cli;
    H2Host db;
    final List<Result> everything = new ArrayList<>();

    @BeforeAll
    void start() {
        PreauJar.assumePackaged();
        Path data = Fixture.copyTo(work.resolve("data"));
        cli = new Cli(data).with("PREAU_PUBLIC_URL", "https://messagerie.ac-dijon.fr/");
        db = H2Host.open(data);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    private List<Result> parallel(Invocation... invocations) {
        List<Result> results = cli.parallel(invocations);
        everything.addAll(results);
        return results;
    }

    private Result run(Invocation invocation) {
        Result result = cli.run(invocation);
        everything.add(result);
        return result;
    }

    private static Invocation admin(String... args) {
        return Invocation.of(args);
    }

    @Test
    @Order(1)
    void helpAndBadUsageAreAnsweredWithoutTheDatabase() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("no-database"));
        Cli bare = new Cli(elsewhere);
        List<Result> r = bare.parallel(
                admin("account", "create", "--last-name", "Dupont", "--numen", NUMEN_JEAN),
                admin("acount", "list", "--limt", "5").english(),
                admin("account", "show", "jdupont", NUMEN_JEAN));
        everything.addAll(r);

        assertThat(r.get(0).expectExit(2).errLines()).singleElement().asString()
                .contains("Option ou paramètre obligatoire manquant", "--first-name", "--role", "--uai");
        assertThat(r.get(1).expectExit(2).errLines()).singleElement().asString()
                .contains("Unrecognised argument: \"acount\" (did you mean account");
        assertThat(r.get(2).expectExit(2).errLines()).singleElement().asString()
                .contains(Numen.mask(NUMEN_JEAN));
        // none of them started Préau
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    @Order(2)
    void tenancyCommands() {
        List<Result> r = parallel(
                admin("academy", "list"),
                admin("academy", "show", "dijon"),
                admin("academy", "edit", "dijon", "--password-min-length", "14", "--password-max-age", "never",
                        "--numen-activation", "false"),
                admin("academy", "create", "--code", "dijon", "--name", "Autre", "--domain", "ac-autre.fr",
                        "--numen-code", "99", "--phone", "01 02 03 04 05", "--hours", "Mo-Fr 08:00-12:00"),
                admin("department", "list", "--academy", "dijon"),
                admin("department", "edit", "21", "--hours", "Mo-Fr 08:30-12:00,13:30-17:00"),
                admin("establishment", "list", "--department", "21"),
                admin("establishment", "edit", PARDE, "--name", "Collège Marcelle-Pardé"));

        assertThat(r.get(0).expectExit(0).out()).contains("CODE", "dijon", "Académie de Dijon", "ac-dijon.fr", "07");
        assertThat(r.get(1).expectExit(0).out())
                .contains("Domaine de messagerie", "ac-dijon.fr", "Code académique NUMEN", "07",
                        "du lundi au vendredi 08:00 – 12:00 et 13:30 – 17:00", "assistance@ac-dijon.fr", "21");
        assertThat(r.get(2).expectExit(0).out())
                .contains("Académie « dijon » modifiée.", "14 caractères", "jamais")
                .containsPattern("Activation par NUMEN\\s+: non");
        r.get(3).expectRefusal("Une académie porte déjà le code « dijon ».");
        assertThat(r.get(4).expectExit(0).out()).contains("21", "Côte-d'Or", "dijon", Fixture.DEPARTMENT_PHONE);
        assertThat(r.get(5).expectExit(0).out()).contains("Département 21 modifié.", "08:30 – 12:00");
        assertThat(r.get(6).expectExit(0).out()).contains(CARNOT, "Lycée Carnot", PARDE, "Dijon");
        assertThat(r.get(7).expectExit(0).out()).contains("Collège Marcelle-Pardé");
    }

    @Test
    @Order(3)
    void accountCreationShowsTheCodeOnceAndRefusesBadInput() throws IOException {
        Path letter = work.resolve("jdupont.html");
        List<Result> first = parallel(
                admin("account", "create", "--last-name", "Dupont", "--first-name", "Jean", "--numen", NUMEN_JEAN,
                        "--role", "enseignant", "--uai", CARNOT, "--backup-email", "jean.dupont@example.org",
                        "--mobile", "06 12 34 56 78", "--letter", letter.toString()),
                admin("account", "create", "--last-name", "Durand", "--first-name", "Léa", "--numen", "07E94",
                        "--role", "enseignant", "--uai", CARNOT),
                admin("account", "create", "--last-name", "Durand", "--first-name", "Léa", "--numen", NUMEN_ZOE,
                        "--role", "prof", "--uai", CARNOT),
                admin("account", "create", "--last-name", "Durand", "--first-name", "Léa", "--numen", NUMEN_ZOE,
                        "--role", "enseignant", "--uai", "0219999X"));

        Result created = first.get(0).expectExit(0);
        assertThat(created.out()).contains("Compte créé pour Jean Dupont.", "jdupont", "jean.dupont@ac-dijon.fr",
                "en attente d’activation", "Valable jusqu’au", "Ce code ne sera plus affiché",
                "Lettre d’activation écrite dans");
        String code = code(created.out());
        String letterHtml = Files.readString(letter);
        assertThat(letterHtml).contains(code, "jdupont", "jean.dupont@ac-dijon.fr", "Jean Dupont",
                "https://messagerie.ac-dijon.fr/first-connection", "Lycée Carnot", "Côte-d'Or",
                Fixture.DEPARTMENT_PHONE, Fixture.DEPARTMENT_EMAIL, "du lundi au vendredi", "au moins 14 caractères",
                "<style>");
        assertThat(Files.getPosixFilePermissions(letter)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        first.get(1).expectRefusal("NUMEN invalide");
        first.get(2).expectRefusal("Rôle inconnu : « prof »");
        first.get(3).expectRefusal("Aucun établissement n’a le code UAI « 0219999X ».");

        Path hr = Files.writeString(work.resolve("two.csv"), """
                nom;prénom;numen;rôle;uai
                Martin;Zoé;%s;Chargé de cours;%s
                Bernard;Paul;%s;personnel administratif;%s
                """.formatted(NUMEN_ZOE, PARDE, NUMEN_PAUL, PARDE));
        List<Result> second = parallel(
                admin("account", "create", "--last-name", "Autre", "--first-name", "Nom", "--numen",
                        NUMEN_JEAN.toLowerCase(Locale.ROOT), "--role", "enseignant", "--uai", CARNOT),
                admin("account", "create", "--last-name", "DUPONT", "--first-name", "jean", "--numen",
                        "--role", "Enseignant", "--uai", CARNOT).stdin(NUMEN_JEAN_2 + "\n"),
                admin("account", "import", hr.toString(), "--codes", work.resolve("codes.csv").toString()));
        second.get(0).expectRefusal("Un compte existe déjà pour ce NUMEN.");
        Result homonym = second.get(1).expectExit(0);
        assertThat(homonym.out()).contains("jdupont2", "jean.dupont2@ac-dijon.fr");
        assertThat(homonym.err()).contains("NUMEN (la saisie ne s’affiche pas)");
        assertThat(code(homonym.out())).isNotEqualTo(code);
        assertThat(second.get(2).expectExit(0).out()).contains("2 ligne(s) lue(s), 2 compte(s) créé(s).");
        assertThat(Files.readString(work.resolve("codes.csv"))).contains("zmartin;zoe.martin@ac-dijon.fr;",
                "pbernard;paul.bernard@ac-dijon.fr;");
    }

    @Test
    @Order(4)
    void accountLifeCycleLettersMaintenanceAndAudit() throws IOException {
        Path reissuedLetter = work.resolve("jdupont2.html");
        List<Result> r = parallel(
                admin("account", "show", "jdupont"),
                admin("account", "suspend", "zmartin", "--reason", "départ en retraite"),
                admin("account", "delete", "pbernard"),
                admin("account", "expire-password", "jdupont"),
                admin("account", "unlock", "jean.dupont@ac-dijon.fr"),
                admin("account", "reissue-code", "jdupont2", "--letter", reissuedLetter.toString()),
                admin("account", "show", "nobody").english());
        assertThat(r.get(0).expectExit(0).out())
                .contains("Jean Dupont", "jean.dupont@ac-dijon.fr", "Lycée Carnot, Dijon (" + CARNOT + ")",
                        "Académie de Dijon", Numen.mask(NUMEN_JEAN), "jean.dupont@example.org", "+33 6 12 34 56 78",
                        "en cours, valable jusqu’au")
                .containsPattern("Statut\\s+: en attente d’activation");
        assertThat(r.get(1).expectExit(0).out()).contains("Compte zmartin suspendu");
        r.get(2).expectRefusal("relancez la commande avec --yes");
        r.get(3).expectRefusal("Le compte jdupont n’est pas encore activé");
        assertThat(r.get(4).expectExit(0).out()).contains("Le compte jdupont est déverrouillé");
        Result reissued = r.get(5).expectExit(0);
        assertThat(reissued.out()).contains("Nouveau code d’activation pour jdupont2", "Ce code ne sera plus affiché");
        assertThat(Files.readString(reissuedLetter)).contains(code(reissued.out()), "jdupont2");
        r.get(6).expectRefusal("No account has the identifiant or address \"nobody\".");

        Path carnot = work.resolve("carnot.html");
        List<Result> second = parallel(
                admin("account", "list", "--academy", "dijon", "--status", "suspended"),
                admin("account", "delete", "pbernard", "--yes"),
                admin("maintenance", "on", "--message-fr", "Maintenance ce soir de 20 h à 22 h",
                        "--message-en", "Maintenance tonight, 8 to 10 pm", "--close-logins"),
                admin("letters", "--uai", CARNOT, "--output", carnot.toString()));
        assertThat(second.get(0).expectExit(0).out()).contains("IDENTIFIANT", "zmartin", "Martin Zoé",
                "chargé de cours", PARDE, "suspendu", "1 compte(s).").doesNotContain("jdupont");
        assertThat(second.get(1).expectExit(0).out()).contains("Compte pbernard (paul.bernard@ac-dijon.fr) supprimé.");
        assertThat(second.get(2).expectExit(0).out()).contains("Maintenance activée", "service fermé");
        assertThat(second.get(3).expectExit(0).out()).contains("2 lettre(s) d’activation écrite(s)",
                "les codes précédents de ces comptes ne fonctionnent plus");
        String html = Files.readString(carnot);
        assertThat(Pattern.compile("<article class=\"letter\">").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("jdupont", "jdupont2", "Jean Dupont");
        assertThat(CODE.matcher(html).results().count()).isEqualTo(2);

        List<Result> third = parallel(
                admin("account", "reactivate", "zmartin"),
                admin("maintenance", "status"),
                admin("audit", "list", "--account", "zmartin", "--type", "account_suspended", "--limit", "5"),
                admin("letters", "--uai", PARDE, "--output", carnot.toString()));
        assertThat(third.get(0).expectExit(0).out())
                .contains("Compte zmartin réactivé (statut : en attente d’activation).");
        assertThat(third.get(1).expectExit(0).out()).containsPattern("Maintenance\\s+: service fermé")
                .contains("Maintenance ce soir de 20 h à 22 h", "Maintenance tonight, 8 to 10 pm");
        assertThat(third.get(2).expectExit(0).out()).contains("ACCOUNT_SUSPENDED", "zmartin",
                "reason=départ en retraite", "cli:" + System.getProperty("user.name")).doesNotContain("ACCOUNT_CREATED");
        third.get(3).expectRefusal("Le fichier " + carnot + " existe déjà");

        Path one = work.resolve("zmartin.html");
        List<Result> last = parallel(
                admin("letters", "--account", "zmartin", "--output", one.toString()),
                admin("maintenance", "off"));
        assertThat(last.get(0).expectExit(0).out()).contains("1 lettre(s) d’activation écrite(s)");
        assertThat(Files.readString(one)).contains("zmartin", "zoe.martin@ac-dijon.fr", "Collège Marcelle-Pardé");
        assertThat(last.get(1).expectExit(0).out()).contains("Maintenance désactivée.");
        assertThat(db.rows("select distinct type from audit_event where actor = 'cli:" + System.getProperty("user.name")
                + "'")).contains("ACCOUNT_CREATED", "ACCOUNTS_IMPORTED", "ACCOUNT_SUSPENDED", "ACCOUNT_REACTIVATED",
                "ACCOUNT_DELETED", "ACCOUNT_UNLOCKED", "ACTIVATION_CODE_ISSUED", "ACADEMY_UPDATED",
                "DEPARTMENT_UPDATED", "ESTABLISHMENT_UPDATED", "MAINTENANCE_ON", "MAINTENANCE_OFF");
    }

    @Test
    @Order(5)
    void mailboxQuotasAndDomainRecords() {
        List<Result> r = parallel(
                admin("mailbox", "status", "jean.dupont@ac-dijon.fr"),
                admin("mailbox", "quota", "jdupont", "--mb", "3000"),
                admin("mailbox", "quota", "--academy", "dijon", "--full-mb", "4000", "--standard-mb", "2000"),
                admin("domain", "dkim", "ac-dijon.fr", "--mx", "mx.ac-dijon.fr"),
                admin("domain", "dkim", "gmail.com"),
                admin("mailbox", "status", "nobody@ac-dijon.fr").english(),
                admin("mailbox", "quota", "jdupont", "--mb", "0"));
        assertThat(r.get(0).expectExit(0).out()).contains("Boîte de jean.dupont@ac-dijon.fr", "Réception (INBOX)",
                "Corbeille (Trash)", "Mo (0 %), 0 messages", "Envois vers d’autres domaines");
        assertThat(r.get(1).expectExit(0).out()).containsPattern("Quota de jean.dupont@ac-dijon.fr : 3.000 Mo\\.");
        assertThat(r.get(2).expectExit(0).out()).contains("profil complet 4", "profil standard 2");
        assertThat(r.get(3).expectExit(0).out()).contains("._domainkey.ac-dijon.fr. TXT \"v=DKIM1; k=rsa; p=",
                "ac-dijon.fr. TXT \"v=spf1 mx a:mx.ac-dijon.fr -all\"", "_dmarc.ac-dijon.fr. TXT \"v=DMARC1;");
        r.get(4).expectRefusal("« gmail.com » n’est pas un domaine de messagerie d’une académie hébergée ici.");
        r.get(5).expectRefusal("No account has the identifiant or address \"nobody@ac-dijon.fr\".");
        r.get(6).expectRefusal("Le quota doit être compris entre 1 et 1");
        assertThat(r.get(6).err()).containsPattern("entre 1 et 1.000.000 Mo");
        List<Result> again = parallel(admin("mailbox", "quota", "jdupont"), admin("domain", "dkim", "ac-dijon.fr"));
        assertThat(again.get(0).expectExit(0).out())
                .containsPattern("Quota de jean.dupont@ac-dijon.fr : 3.000 Mo \\(par défaut : 4.000 Mo\\)\\.");
        assertThat(again.get(1).expectExit(0).out()).as("the key is made once").contains(
                dkimSelector(r.get(3).out()) + "._domainkey.ac-dijon.fr.");
        assertThat(db.rows("select distinct type from audit_event where type in ('MAILBOX_QUOTA_SET', 'ACADEMY_QUOTA_SET', 'DKIM_KEY_CREATED')"))
                .containsExactlyInAnyOrder("MAILBOX_QUOTA_SET", "ACADEMY_QUOTA_SET", "DKIM_KEY_CREATED");
    }

    private static String dkimSelector(String out) {
        java.util.regex.Matcher m = Pattern.compile("(\\S+)\\._domainkey\\.").matcher(out);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    @Order(6)
    void noNumenIsEverPrintedWrittenOrAudited() throws IOException {
        List<String> written = new ArrayList<>();
        for (Result result : everything) {
            written.add(result.all());
        }
        try (var files = Files.list(work)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("two.csv")) {
                    written.add(Files.readString(file));
                }
            }
        }
        written.addAll(db.rows("select actor, type, details from audit_event"));
        written.addAll(db.rows("select login, email, numen_masked, numen_hash from account"));
        assertThat(db.count("select count(*) from audit_event")).isGreaterThanOrEqualTo(15);
        for (String text : written) {
            for (String numen : NUMENS) {
                assertThat(text.toUpperCase(Locale.ROOT).replaceAll("[\\s.-]", ""))
                        .doesNotContain(numen).doesNotContain(numen.substring(3, 10));
            }
        }
    }

    private static String code(String output) {
        Matcher m = CODE.matcher(output);
        assertThat(m.find()).as("an activation code in%n%s", output).isTrue();
        return m.group();
    }
}
