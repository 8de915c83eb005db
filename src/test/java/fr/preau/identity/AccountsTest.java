package fr.preau.identity;

import static fr.preau.identity.IdentityServices.ADMIN;
import static fr.preau.identity.IdentityServices.newAccount;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.internal.ActivationCodes;
import fr.preau.platform.AuditLog;
import fr.preau.tenancy.SampleTenancy;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsTest extends IdentityServiceTest {

    // ---- create

    @Test
    void createsAPendingAccountWithDerivedIdentifiersAndAnActivationCode() {
        ProvisionedAccount created = s.accounts().create(ADMIN, new NewAccount("Dupont", "Jean", "07 e94 12345 abc",
                "Enseignant", "0210015c", "Jean.Dupont@Example.org", "06 12 34 56 78"));
        Account account = created.account();
        assertThat(account.login()).isEqualTo("jdupont");
        assertThat(account.email()).isEqualTo("jean.dupont@ac-dijon.fr");
        assertThat(account).extracting(Account::firstName, Account::lastName, Account::role, Account::status,
                        Account::numenMasked, Account::backupEmail, Account::mobile, Account::academyId,
                        Account::establishmentId, Account::createdAt, Account::activatedAt)
                .containsExactly("Jean", "Dupont", Role.ENSEIGNANT, AccountStatus.PENDING, "07•••••••••BC",
                        "jean.dupont@example.org", "+33612345678", s.sample().dijon().id(), s.sample().carnot().id(),
                        MutableClock.START, null);
        assertThat(created.codeExpiresAt()).isEqualTo(MutableClock.START.plus(TestProperties.CODE_VALIDITY));
        assertThat(s.codes().check(account.id(), created.activationCode())).isEqualTo(ActivationCodes.Check.VALID);
        assertThat(s.accounts().activationCodeExpiry(account.id())).contains(created.codeExpiresAt());
        assertThat(s.accounts().byLogin(" JDupont ")).contains(account);
        assertThat(s.accounts().find("JEAN.DUPONT@ac-dijon.fr")).contains(account);
        assertThat(s.accounts().byId(account.id())).contains(account);
    }

    @Test
    void numbersHomonyms() {
        Account first = s.create("Jean", "Dupont", numen(1)).account();
        Account second = s.create("Jean", "Dupont", numen(2)).account();
        Account third = s.create("Julie", "Dupont", numen(3)).account();
        Account fourth = s.create("Jean", "Dupont", numen(4)).account();
        assertThat(List.of(first, second, third, fourth)).extracting(Account::login, Account::email).containsExactly(
                org.assertj.core.groups.Tuple.tuple("jdupont", "jean.dupont@ac-dijon.fr"),
                org.assertj.core.groups.Tuple.tuple("jdupont2", "jean.dupont2@ac-dijon.fr"),
                org.assertj.core.groups.Tuple.tuple("jdupont3", "julie.dupont@ac-dijon.fr"),
                org.assertj.core.groups.Tuple.tuple("jdupont4", "jean.dupont3@ac-dijon.fr"));
    }

    @Test
    void aLongerNameSharingThePrefixIsNoHomonym() {
        assertThat(s.create("Jean", "Dupontel", numen(1)).account().login()).isEqualTo("jdupontel");
        assertThat(s.create("Jean", "Dupont", numen(2)).account().login()).isEqualTo("jdupont");
    }

    @Test
    void homonymsInAnotherAcademyShareTheLoginNumberingButNotTheAddress() {
        s.create("Jean", "Dupont", numen(1));
        Account lyon = s.accounts().create(ADMIN, new NewAccount("Dupont", "Jean", numen(2), "enseignant",
                SampleTenancy.PARC, null, null)).account();
        assertThat(lyon.login()).isEqualTo("jdupont2");
        assertThat(lyon.email()).isEqualTo("jean.dupont@ac-lyon.fr");
        assertThat(lyon.academyId()).isEqualTo(s.sample().lyon().id());
    }

    @ParameterizedTest(name = "{0} {1} -> {2} / {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Jean-Pierre   | De La Fontaine  | jdelafontaine | jean-pierre.de-la-fontaine@ac-dijon.fr
            Chloé         | Lefèvre-Ñúñez   | clefevrenunez | chloe.lefevre-nunez@ac-dijon.fr
            Éloïse        | D'Artagnan      | edartagnan    | eloise.dartagnan@ac-dijon.fr
            Lætitia       | Cœur            | lcoeur        | laetitia.coeur@ac-dijon.fr
            Marie Claire  | Du  Pont        | mdupont       | marie-claire.du-pont@ac-dijon.fr
            Anne-Sophie   | O’Neill         | aoneill       | anne-sophie.oneill@ac-dijon.fr
            """)
    void derivesIdentifiersFromComposedAndAccentedNames(String first, String last, String login, String email) {
        Account account = s.create(first, last, numen(1)).account();
        assertThat(account.login()).isEqualTo(login);
        assertThat(account.email()).isEqualTo(email);
        assertThat(account.firstName()).isEqualTo(first.replaceAll("\\s+", " "));
        assertThat(account.lastName()).isEqualTo(last.replaceAll("\\s+", " "));
    }

    @Test
    void refusesADuplicateNumenHoweverTyped() {
        s.create("Jean", "Dupont", "07E9412345ABC");
        assertUserError(() -> s.create("Marie", "Martin", "07e94 12345 abc"), "numen", "account.error.numen-duplicate");
        assertThat(s.repository().count()).isEqualTo(1);
    }

    @Test
    void refusesInvalidRequestsWithTheFieldConcerned() {
        assertUserError(() -> s.accounts().create(ADMIN, new NewAccount("Dupont", "Jean", numen(1), "enseignant",
                "0210016A", null, null)), "uai", "account.error.uai-unknown");
        assertUserError(() -> s.accounts().create(ADMIN, new NewAccount("Dupont", "Jean", "07E94", "enseignant",
                SampleTenancy.CARNOT, null, null)), "numen", "account.error.numen-format");
        assertUserError(() -> s.accounts().create(ADMIN, new NewAccount("Dupont", "Jean", numen(1), "astronaute",
                SampleTenancy.CARNOT, null, null)), "role", "account.error.role");
        assertUserError(() -> s.accounts().create(ADMIN, new NewAccount("Dupont", "Jean", numen(1), "enseignant",
                SampleTenancy.CARNOT, "jean@ac-lyon.fr", null)), "backup-email", "account.error.backup-email-internal");
        assertUserError(() -> s.accounts().create(ADMIN, new NewAccount("Dupont", "Jean", numen(1), "enseignant",
                SampleTenancy.CARNOT, null, "0380000000")), "mobile", "account.error.mobile");
        assertUserError(() -> s.accounts().create(ADMIN, new NewAccount("", "Jean", numen(1), "enseignant",
                SampleTenancy.CARNOT, null, null)), "last-name", "account.error.last-name-missing");
        assertUserError(() -> s.accounts().create(ADMIN, new NewAccount("Dupont", "J3an", numen(1), "enseignant",
                SampleTenancy.CARNOT, null, null)), "first-name", "account.error.name-format");
        assertThat(s.repository().count()).isZero();
        assertThat(auditTypes()).doesNotContain("ACCOUNT_CREATED");
    }

    @Test
    void neverWritesTheNumenInTheAuditLogNorInClear() {
        String numen = "07E9412345ABC";
        s.create("Jean", "Dupont", numen);
        s.accounts().importFile(ADMIN, csv("nom;prénom;numen;rôle;uai",
                "Martin;Marie;07 f88 54321 xyz;enseignant;0210015C"), false);
        Account jean = s.accounts().byLogin("jdupont").orElseThrow();
        s.accounts().suspend(ADMIN, "jdupont", "départ");
        s.accounts().reactivate(ADMIN, "jdupont");
        s.accounts().reissueActivationCode(ADMIN, "jdupont");
        s.accounts().delete(ADMIN, "mmartin");
        assertThat(audit()).extracting(AuditLog.Event::type).contains("ACCOUNT_CREATED", "ACCOUNTS_IMPORTED",
                "ACCOUNT_SUSPENDED", "ACCOUNT_REACTIVATED", "ACTIVATION_CODE_ISSUED", "ACCOUNT_DELETED");
        String everything = s.db().jdbc().sql("select * from audit_event").query().listOfRows().toString()
                + s.db().jdbc().sql("select * from account").query().listOfRows();
        for (String secret : List.of("07E9412345ABC", "9412345", "12345", "07F8854321XYZ", "54321", "8854321")) {
            assertThat(everything).doesNotContainIgnoringCase(secret);
        }
        assertThat(jean.numenMasked()).isEqualTo("07•••••••••BC");
        assertThat(audit()).filteredOn(e -> e.type().equals("ACCOUNT_CREATED")).singleElement()
                .extracting(AuditLog.Event::actor, AuditLog.Event::accountId, AuditLog.Event::details)
                .containsExactly(ADMIN, jean.id(), "login=jdupont");
    }

    // ---- import

    @Test
    void importsAFileAndIssuesEveryCode() {
        ImportReport report = s.accounts().importFile(ADMIN, csv(
                "Nom;Prénom;NUMEN;Rôle;UAI;Email de secours;Mobile",
                "Dupont;Jean;" + numen(1) + ";Enseignant;0210015C;jean@example.org;0612345678",
                "Dupont;Jean;" + numen(2) + ";Chargé de cours;0211234C;;",
                "Durand;Alice;" + numen(3) + ";Personnel administratif;0690026D;;+44 7911 123456"), false);
        assertThat(report.imported()).isTrue();
        assertThat(report.lines()).isEqualTo(3);
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).extracting(p -> p.account().login(), p -> p.account().email(),
                        p -> p.account().role(), p -> p.account().mobile())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("jdupont", "jean.dupont@ac-dijon.fr", Role.ENSEIGNANT, "+33612345678"),
                        org.assertj.core.groups.Tuple.tuple("jdupont2", "jean.dupont2@ac-dijon.fr", Role.CHARGE_DE_COURS, null),
                        org.assertj.core.groups.Tuple.tuple("adurand", "alice.durand@ac-lyon.fr", Role.PERSONNEL_ADMINISTRATIF, "+447911123456"));
        for (ProvisionedAccount created : report.created()) {
            assertThat(s.repository().byId(created.account().id())).contains(created.account());
            assertThat(s.codes().check(created.account().id(), created.activationCode()))
                    .isEqualTo(ActivationCodes.Check.VALID);
        }
        assertThat(audit()).filteredOn(e -> e.type().equals("ACCOUNTS_IMPORTED")).singleElement()
                .extracting(AuditLog.Event::details).isEqualTo("created=3 refused=0");
    }

    @Test
    void reportsEveryProblemWithItsLineAndWritesNothing() {
        s.create("Paul", "Bernard", numen(9));
        ImportReport report = s.accounts().importFile(ADMIN, csv(
                "nom;prenom;numen;role;uai",
                "Dupont;Jean;" + numen(1) + ";enseignant;0210015C",
                "Martin;;" + numen(2) + ";enseignant;0210015C",
                "",
                "Durand;Alice;07E94;astronaute;0210016A",
                "Petit;Louis;" + numen(1) + ";enseignant;0210015C",
                "Bernard;Pauline;" + numen(9) + ";support;0210015C"), false);
        assertThat(report.imported()).isFalse();
        assertThat(report.created()).isEmpty();
        assertThat(report.lines()).isEqualTo(5);
        assertThat(report.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::column,
                        ImportReport.Problem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "first-name", "account.error.first-name-missing"),
                        org.assertj.core.groups.Tuple.tuple(5, "numen", "account.error.numen-format"),
                        org.assertj.core.groups.Tuple.tuple(5, "role", "account.error.role"),
                        org.assertj.core.groups.Tuple.tuple(5, "uai", "account.error.uai-unknown"),
                        org.assertj.core.groups.Tuple.tuple(6, "numen", "import.error.numen-repeated"),
                        org.assertj.core.groups.Tuple.tuple(7, "numen", "account.error.numen-duplicate"));
        assertThat(report.problems().get(4).args()).containsExactly(2);
        assertThat(report.problems().get(2).args()).containsExactly("astronaute");
        assertThat(s.repository().count()).isEqualTo(1);
        assertThat(s.db().count("activation_code")).isEqualTo(1);
        assertThat(auditTypes()).doesNotContain("ACCOUNTS_IMPORTED");
    }

    @Test
    void skipsInvalidLinesWhenAsked() {
        ImportReport report = s.accounts().importFile(ADMIN, csv(
                "nom;prenom;numen;role;uai",
                "Dupont;Jean;" + numen(1) + ";enseignant;0210015C",
                "Martin;Marie;bad;enseignant;0210015C",
                "Durand;Alice;" + numen(3) + ";enseignant;0210015C"), true);
        assertThat(report.imported()).isTrue();
        assertThat(report.created()).extracting(p -> p.account().login()).containsExactly("jdupont", "adurand");
        assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(3);
        assertThat(s.repository().count()).isEqualTo(2);
        assertThat(audit()).filteredOn(e -> e.type().equals("ACCOUNTS_IMPORTED")).singleElement()
                .extracting(AuditLog.Event::details).isEqualTo("created=2 refused=1");
    }

    @Test
    void reportsAnUnreadableFileAsAWhole() {
        ImportReport report = s.accounts().importFile(ADMIN, csv("nom;prenom;numen;role", "Dupont;Jean;x;y"), false);
        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.key()).isEqualTo("import.error.missing-column");
            assertThat(p.args()).containsExactly("uai");
        });
        assertThat(s.accounts().importFile(ADMIN, new byte[0], false).problems()).extracting(ImportReport.Problem::key)
                .containsExactly("import.error.empty");
    }

    @Test
    void importsThousandsOfLinesWithTheirOwnCodes() {
        StringBuilder file = new StringBuilder("nom;prenom;numen;role;uai\n");
        int n = 1_500;
        for (int i = 0; i < n; i++) {
            file.append("Nom").append(letters(i)).append(";Jean;").append(numen(i)).append(";enseignant;0210015C\n");
        }
        s.create("Jean", "Nomaaa", numen(99_999));
        ImportReport report = s.accounts().importFile(ADMIN, file.toString().getBytes(StandardCharsets.UTF_8), false);
        assertThat(report.imported()).isTrue();
        assertThat(report.created()).hasSize(n);
        assertThat(report.created().getFirst().account().login()).as("homonym of an existing account")
                .isEqualTo("jnomaaa2");
        for (int i = 0; i < n; i += 149) {
            ProvisionedAccount created = report.created().get(i);
            assertThat(s.repository().byId(created.account().id()).orElseThrow().login())
                    .isEqualTo(created.account().login());
            assertThat(s.codes().check(created.account().id(), created.activationCode()))
                    .isEqualTo(ActivationCodes.Check.VALID);
        }
        assertThat(s.repository().count()).isEqualTo(n + 1);
    }

    private static String letters(int i) {
        // aaa, aab, ... so that surnames stay valid names
        return "" + (char) ('a' + i / 676 % 26) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
    }

    static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    // ---- life cycle

    @Test
    void suspendsEndingEverySessionAndReactivates() {
        Account active = s.createActive("Jean", "Dupont", numen(1), "Correct-Horse-42!");
        insertSession("jdupont");
        insertSession("jdupont");
        insertSession("mmartin");
        s.clock().advance(Duration.ofHours(1));
        Account suspended = s.accounts().suspend(ADMIN, "jean.dupont@ac-dijon.fr", "  fin de contrat ");
        assertThat(suspended.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(suspended.suspendedAt()).isEqualTo(s.clock().instant());
        assertThat(s.db().count("spring_session")).isEqualTo(1);
        assertThat(s.audit().forAccount(active.id(), 1).getFirst())
                .extracting(AuditLog.Event::type, AuditLog.Event::details)
                .containsExactly("ACCOUNT_SUSPENDED", "reason=fin de contrat sessions-ended=2");
        assertUserError(() -> s.accounts().suspend(ADMIN, "jdupont", null), null, "account.error.already-suspended");

        Account back = s.accounts().reactivate(ADMIN, "jdupont");
        assertThat(back.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(back.suspendedAt()).isNull();
        assertUserError(() -> s.accounts().reactivate(ADMIN, "jdupont"), null, "account.error.not-suspended");
    }

    @Test
    void aSuspendedAccountNeverActivatedGoesBackToPending() {
        s.create("Jean", "Dupont", numen(1));
        s.accounts().suspend(ADMIN, "jdupont", "");
        assertThat(s.audit().latest("ACCOUNT_SUSPENDED", 1).getFirst().details()).isEqualTo("sessions-ended=0");
        assertThat(s.accounts().reactivate(ADMIN, "jdupont").status()).isEqualTo(AccountStatus.PENDING);
    }

    @Test
    void refusesUnknownAccounts() {
        assertUserError(() -> s.accounts().suspend(ADMIN, "nobody", null), null, "account.error.unknown");
        assertUserError(() -> s.accounts().reactivate(ADMIN, "nobody"), null, "account.error.unknown");
        assertUserError(() -> s.accounts().delete(ADMIN, "nobody"), null, "account.error.unknown");
        assertUserError(() -> s.accounts().expirePassword(ADMIN, null), null, "account.error.unknown");
        assertUserError(() -> s.accounts().unlock(ADMIN, "nobody"), null, "account.error.unknown");
        assertUserError(() -> s.accounts().reissueActivationCode(ADMIN, "nobody"), null, "account.error.unknown");
    }

    @Test
    void deletesAnAccountWithItsCodeCountersAndSessions() {
        ProvisionedAccount created = s.create("Jean", "Dupont", numen(1));
        long id = created.account().id();
        s.throttle().recordFailure(s.throttle().accountSubject("activation", id));
        insertSession("jdupont");
        s.accounts().delete(ADMIN, "jdupont");
        assertThat(s.accounts().byId(id)).isEmpty();
        assertThat(s.db().count("activation_code")).isZero();
        assertThat(s.db().count("login_throttle")).isZero();
        assertThat(s.db().count("spring_session")).isZero();
        assertThat(s.audit().forAccount(id, 1).getFirst()).extracting(AuditLog.Event::type, AuditLog.Event::details)
                .containsExactly("ACCOUNT_DELETED", "login=jdupont");
        assertThat(s.create("Jean", "Dupont", numen(1)).account().login()).as("NUMEN and login free again")
                .isEqualTo("jdupont");
    }

    @Test
    void expiresThePasswordOfActivatedAccountsOnly() {
        s.create("Marie", "Martin", numen(2));
        assertUserError(() -> s.accounts().expirePassword(ADMIN, "mmartin"), null, "account.error.not-activated");
        s.createActive("Jean", "Dupont", numen(1), "Correct-Horse-42!");
        assertThat(s.accounts().expirePassword(ADMIN, "jdupont").passwordMustChange()).isTrue();
        assertThat(auditTypes()).contains("PASSWORD_EXPIRED_BY_ADMIN");
    }

    @Test
    void unlockLiftsTheLock() {
        Account account = s.createActive("Jean", "Dupont", numen(1), "Correct-Horse-42!");
        String subject = s.throttle().accountSubject("login", account.id());
        for (int i = 0; i < TestProperties.LOGIN.lockAfterFailures(); i++) {
            s.throttle().recordFailure(subject);
        }
        assertThat(s.throttle().state(subject).lockedAt(s.clock().instant())).isTrue();
        s.accounts().unlock(ADMIN, "jdupont");
        assertThat(s.throttle().state(subject).failures()).isZero();
        assertThat(auditTypes()).contains("ACCOUNT_UNLOCKED");
    }

    @Test
    void reissuesActivationCodesForPendingAccounts() {
        ProvisionedAccount jean = s.create("Jean", "Dupont", numen(1));
        ProvisionedAccount marie = s.create("Marie", "Martin", numen(2));
        s.createActive("Paul", "Bernard", numen(3), "Correct-Horse-42!");
        s.clock().advance(Duration.ofDays(40));
        assertThat(s.codes().check(jean.account().id(), jean.activationCode())).isEqualTo(ActivationCodes.Check.EXPIRED);

        ProvisionedAccount again = s.accounts().reissueActivationCode(ADMIN, "jdupont");
        assertThat(s.codes().check(jean.account().id(), again.activationCode())).isEqualTo(ActivationCodes.Check.VALID);
        assertThat(s.codes().check(jean.account().id(), jean.activationCode())).isEqualTo(ActivationCodes.Check.WRONG);
        assertUserError(() -> s.accounts().reissueActivationCode(ADMIN, "pbernard"), null, "account.error.already-active");

        List<ProvisionedAccount> letters = s.accounts().reissueActivationCodes(ADMIN, s.sample().carnot().id());
        assertThat(letters).extracting(p -> p.account().login()).containsExactly("jdupont", "mmartin");
        assertThat(s.codes().check(marie.account().id(), letters.get(1).activationCode()))
                .isEqualTo(ActivationCodes.Check.VALID);
        assertThat(s.accounts().pendingOf(s.sample().carnot().id())).hasSize(2);
        assertThat(s.accounts().list(null, null, AccountStatus.ACTIVE, null, 10)).extracting(Account::login)
                .containsExactly("pbernard");
    }

    private void insertSession(String login) {
        s.db().jdbc().sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time,
                                            max_inactive_interval, expiry_time, principal_name)
                values (?, ?, 0, 0, 1800, 0, ?)""")
                .params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), login).update();
    }
}
