package fr.preau.identity;

import static fr.preau.identity.IdentityServices.ADMIN;
import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.BaseEncoding;
import fr.preau.identity.internal.Totp;
import fr.preau.identity.internal.TwoFactorProperties;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.tenancy.SampleTenancy;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two-factor authentication through the identity services, with codes computed from the
 * secret the enrollment hands out, as an authenticator app would.
 */
class TwoFactorTest extends IdentityServiceTest {

    private static final String PASSWORD = "Correct-Horse-42!";
    private static final Totp TOTP = new Totp();
    private Account jean;

    @BeforeEach
    void createAccount() {
        jean = s.createActive("Jean", "Dupont", numen(1), PASSWORD);
    }

    /** Turns 2FA on for the account; returns its secret and recovery codes. */
    private Enrolled enroll(Account account) {
        TwoFactor.Enrollment enrollment = s.twoFactor().startEnrollment(account.id(), CLIENT).orElseThrow();
        byte[] secret = BaseEncoding.base32().decode(enrollment.secret().replace(" ", ""));
        var confirmation = s.twoFactor().confirm(account.id(), TOTP.codeAt(secret, s.clock().instant()), CLIENT);
        assertThat(confirmation).isInstanceOf(TwoFactor.Confirmation.Enabled.class);
        return new Enrolled(secret, ((TwoFactor.Confirmation.Enabled) confirmation).recoveryCodes());
    }

    private record Enrolled(byte[] secret, List<String> recoveryCodes) {}

    private String codeNow(Enrolled enrolled) {
        return TOTP.codeAt(enrolled.secret(), s.clock().instant());
    }

    private LoginResult login() {
        return s.authentication().authenticate("jdupont", PASSWORD, InterfaceChoice.FULL, CLIENT);
    }

    private LoginResult second(String code) {
        return s.authentication().completeSecondFactor(jean.id(), code, InterfaceChoice.FULL, CLIENT);
    }

    @Test
    void enrollmentGivesAQrUriAndTheSecretAndNeedsAFirstValidCode() {
        TwoFactor.Enrollment enrollment = s.twoFactor().startEnrollment(jean.id(), CLIENT).orElseThrow();
        String base32 = enrollment.secret().replace(" ", "");
        assertThat(enrollment.secret()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(enrollment.uri()).isEqualTo("otpauth://totp/Pr%C3%A9au:jean.dupont%40ac-dijon.fr?secret=" + base32
                + "&issuer=Pr%C3%A9au&algorithm=SHA1&digits=6&period=30");
        assertThat(s.twoFactor().pendingEnrollment(jean.id())).contains(enrollment);
        assertThat(s.twoFactor().enabled(jean.id())).isFalse();
        assertThat(login()).as("not on before the first code").isInstanceOf(LoginResult.Success.class);

        byte[] secret = BaseEncoding.base32().decode(base32);
        String sealed = db.jdbc().sql("select secret_sealed from two_factor where account_id = ?").param(jean.id())
                .query(String.class).single();
        assertThat(sealed).startsWith("v1.").doesNotContain(base32).doesNotContain(base32.toLowerCase());

        assertThat(((TwoFactor.Confirmation.Refused) s.twoFactor().confirm(jean.id(), "", CLIENT)).error())
                .extracting(UserError::field, UserError::key).containsExactly("code", "two-factor.error.code-missing");
        var wrong = s.twoFactor().confirm(jean.id(), TOTP.code(secret, TOTP.stepAt(s.clock().instant()) + 5), CLIENT);
        assertThat(((TwoFactor.Confirmation.Refused) wrong).error().key()).isEqualTo("two-factor.error.code-wrong");
        var shortCode = s.twoFactor().confirm(jean.id(), "1234", CLIENT);
        assertThat(((TwoFactor.Confirmation.Refused) shortCode).error().key()).isEqualTo("two-factor.error.code-format");
        assertThat(s.twoFactor().enabled(jean.id())).isFalse();

        var enabled = s.twoFactor().confirm(jean.id(), TOTP.codeAt(secret, s.clock().instant()), CLIENT);
        assertThat(enabled).isInstanceOfSatisfying(TwoFactor.Confirmation.Enabled.class, e -> assertThat(e.recoveryCodes())
                .hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}")));
        assertThat(s.twoFactor().status(jean.id())).satisfies(st -> {
            assertThat(st.enabled()).isTrue();
            assertThat(st.enabledAt()).isEqualTo(s.clock().instant());
            assertThat(st.recoveryCodesLeft()).isEqualTo(10);
            assertThat(st.required()).isFalse();
        });
        assertThat(s.twoFactor().startEnrollment(jean.id(), CLIENT)).as("on: no new secret").isEmpty();
        assertThat(db.jdbc().sql("select code_hash from two_factor_recovery_code").query(String.class).list())
                .hasSize(10).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(auditTypes()).contains("TWO_FACTOR_ENROLLMENT_STARTED", "SECOND_FACTOR_FAILED", "TWO_FACTOR_ENABLED");
    }

    @Test
    void theLoginAsksForACodeAndOpensOnlyWithTheRightOne() {
        Enrolled enrolled = enroll(jean);
        assertThat(login()).isEqualTo(new LoginResult.SecondFactorRequired(jean.id()));
        assertThat(s.authentication().authenticate("jdupont", "wrong", InterfaceChoice.FULL, CLIENT))
                .isEqualTo(new LoginResult.BadCredentials());
        s.clock().advance(Duration.ofSeconds(30));
        assertThat(second("000000".equals(codeNow(enrolled)) ? "111111" : "000000"))
                .isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.WRONG));
        assertThat(second(codeNow(enrolled))).isInstanceOfSatisfying(LoginResult.Success.class,
                ok -> assertThat(ok.principal().accountId()).isEqualTo(jean.id()));
        assertThat(audit().getLast()).extracting(AuditLog.Event::type, AuditLog.Event::details)
                .containsExactly("LOGIN_SUCCEEDED", "interface=full second-factor=totp");
        assertThat(auditTypes()).containsSubsequence("LOGIN_SECOND_FACTOR_REQUESTED", "SECOND_FACTOR_FAILED",
                "LOGIN_SUCCEEDED");
    }

    @Test
    void aCodeIsNeverAcceptedTwiceAndOnlyOneStepEitherSide() {
        Enrolled enrolled = enroll(jean);
        String confirmationCode = codeNow(enrolled);
        assertThat(second(confirmationCode)).as("the code that turned it on")
                .isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.CODE_ALREADY_USED));
        long step = TOTP.stepAt(s.clock().instant());
        assertThat(second(TOTP.code(enrolled.secret(), step + 1))).as("the phone is 30 s ahead")
                .isInstanceOf(LoginResult.Success.class);
        assertThat(second(TOTP.code(enrolled.secret(), step + 1))).as("replayed")
                .isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.CODE_ALREADY_USED));
        assertThat(second(TOTP.code(enrolled.secret(), step))).as("older than the last one used")
                .isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.CODE_ALREADY_USED));
        s.clock().advance(Duration.ofMinutes(2));
        step = TOTP.stepAt(s.clock().instant());
        assertThat(second(TOTP.code(enrolled.secret(), step - 2))).as("a minute old")
                .isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.WRONG));
        assertThat(second(TOTP.code(enrolled.secret(), step + 2))).as("a minute ahead")
                .isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.WRONG));
        assertThat(second(TOTP.code(enrolled.secret(), step - 1))).as("the phone is 30 s late")
                .isInstanceOf(LoginResult.Success.class);
        s.clock().advance(Duration.ofSeconds(30));
        String spaced = codeNow(enrolled).substring(0, 3) + " " + codeNow(enrolled).substring(3);
        assertThat(second(spaced)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void aRecoveryCodeOpensOnceAndTheRestAreCounted() {
        Enrolled enrolled = enroll(jean);
        String code = enrolled.recoveryCodes().get(3);
        assertThat(second(" " + code.toUpperCase().replace("-", " ") + " ")).isInstanceOfSatisfying(
                LoginResult.Success.class, ok -> assertThat(ok.principal().login()).isEqualTo("jdupont"));
        assertThat(audit().getLast().details()).isEqualTo("interface=full second-factor=recovery-code");
        assertThat(s.audit().latest("RECOVERY_CODE_USED", 1).getFirst().details()).isEqualTo("remaining=9");
        assertThat(second(code)).isEqualTo(new LoginResult.SecondFactorRefused(
                TwoFactor.Verification.RECOVERY_CODE_ALREADY_USED));
        assertThat(second("abcde-fghjk")).isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.WRONG));
        assertThat(s.twoFactor().status(jean.id()).recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void regeneratedRecoveryCodesReplaceTheOldOnesAfterThePassword() {
        Enrolled enrolled = enroll(jean);
        var refused = s.twoFactor().regenerateRecoveryCodes(jean.id(), "wrong", CLIENT);
        assertThat(((TwoFactor.Confirmation.Refused) refused).error().key()).isEqualTo("two-factor.error.password-wrong");
        var fresh = (TwoFactor.Confirmation.Enabled) s.twoFactor().regenerateRecoveryCodes(jean.id(), PASSWORD, CLIENT);
        assertThat(fresh.recoveryCodes()).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        assertThat(second(enrolled.recoveryCodes().get(0))).isEqualTo(new LoginResult.SecondFactorRefused(
                TwoFactor.Verification.WRONG));
        assertThat(second(fresh.recoveryCodes().get(0))).isInstanceOf(LoginResult.Success.class);
        assertThat(auditTypes()).contains("RECOVERY_CODES_REGENERATED");
    }

    @Test
    void wrongCodesAreLockedLikePasswordsInTheirOwnScope() {
        Enrolled enrolled = enroll(jean);
        int lockAfter = TestProperties.LOGIN.lockAfterFailures();
        String wrong = TOTP.code(enrolled.secret(), TOTP.stepAt(s.clock().instant()) + 10);
        for (int i = 1; i < lockAfter; i++) {
            assertThat(second(wrong)).isEqualTo(new LoginResult.SecondFactorRefused(TwoFactor.Verification.WRONG));
        }
        assertThat(second(wrong)).isInstanceOf(LoginResult.Locked.class);
        s.clock().advance(Duration.ofSeconds(30));
        assertThat(second(codeNow(enrolled))).as("even the right code").isInstanceOf(LoginResult.Locked.class);
        assertThat(second(enrolled.recoveryCodes().get(0))).as("or a recovery code").isInstanceOf(LoginResult.Locked.class);
        assertThat(s.twoFactor().status(jean.id()).recoveryCodesLeft()).as("not used up while locked").isEqualTo(10);
        assertThat(login()).as("the password step has its own count")
                .isEqualTo(new LoginResult.SecondFactorRequired(jean.id()));
        assertThat(auditTypes()).contains("SECOND_FACTOR_LOCKED");
        s.clock().advance(TestProperties.LOGIN.lockDuration());
        assertThat(second(codeNow(enrolled))).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void aTrustedBrowserSkipsTheStepForThirtyDaysUntilRevoked() {
        enroll(jean);
        String token = s.twoFactor().trustBrowser(jean.id(), CLIENT);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(db.jdbc().sql("select token_hash from two_factor_trusted_browser").query(String.class).single())
                .isNotEqualTo(token).matches("[0-9a-f]{64}");
        LoginResult trusted = s.authentication().authenticate("jdupont", PASSWORD, InterfaceChoice.FULL, CLIENT, token);
        assertThat(trusted).isInstanceOf(LoginResult.Success.class);
        assertThat(audit().getLast().details()).isEqualTo("interface=full second-factor=trusted-browser");
        assertThat(s.authentication().authenticate("jdupont", PASSWORD, InterfaceChoice.FULL, CLIENT, token + "x"))
                .isInstanceOf(LoginResult.SecondFactorRequired.class);
        Account other = s.createActive("Marie", "Martin", numen(2), PASSWORD);
        enroll(other);
        assertThat(s.authentication().authenticate("mmartin", PASSWORD, InterfaceChoice.FULL, CLIENT, token))
                .as("another account's browser token").isInstanceOf(LoginResult.SecondFactorRequired.class);
        assertThat(s.authentication().authenticate("jdupont", "wrong", InterfaceChoice.FULL, CLIENT, token))
                .as("never instead of the password").isEqualTo(new LoginResult.BadCredentials());

        TwoFactor.TrustedBrowser listed = s.twoFactor().status(jean.id()).trustedBrowsers().getFirst();
        assertThat(listed.ip()).isEqualTo(CLIENT.ip());
        assertThat(listed.expiresAt()).isEqualTo(listed.createdAt().plus(Duration.ofDays(30)));
        assertThat(s.twoFactor().revokeTrustedBrowser(other.id(), listed.id(), CLIENT)).as("not theirs").isFalse();

        s.clock().advance(Duration.ofDays(30));
        assertThat(s.authentication().authenticate("jdupont", PASSWORD, InterfaceChoice.FULL, CLIENT, token))
                .as("expired").isInstanceOf(LoginResult.SecondFactorRequired.class);
        assertThat(s.twoFactor().status(jean.id()).trustedBrowsers()).isEmpty();

        String again = s.twoFactor().trustBrowser(jean.id(), CLIENT);
        long id = s.twoFactor().status(jean.id()).trustedBrowsers().getFirst().id();
        assertThat(s.twoFactor().revokeTrustedBrowser(jean.id(), id, CLIENT)).isTrue();
        assertThat(s.authentication().authenticate("jdupont", PASSWORD, InterfaceChoice.FULL, CLIENT, again))
                .as("revoked").isInstanceOf(LoginResult.SecondFactorRequired.class);
    }

    @Test
    void rolesThatRequireItAreSentToEnrollAndCannotTurnItOff() {
        IdentityServices strict = s.withTwoFactor(TwoFactorProperties.defaults());
        Account lea = strict.activate(strict.accounts().create(ADMIN, new NewAccount("Moreau", "Léa", numen(3),
                "support", SampleTenancy.CARNOT, null, null)), PASSWORD);
        assertThat(strict.authentication().authenticate("lmoreau", PASSWORD, InterfaceChoice.FULL, CLIENT))
                .isEqualTo(new LoginResult.TwoFactorEnrollmentRequired(lea.id()));
        assertThat(strict.authentication().authenticate("lmoreau", "wrong", InterfaceChoice.FULL, CLIENT))
                .isEqualTo(new LoginResult.BadCredentials());
        assertThat(strict.authentication().authenticate("jdupont", PASSWORD, InterfaceChoice.FULL, CLIENT))
                .as("teachers need not").isInstanceOf(LoginResult.Success.class);
        assertThat(strict.authentication().completeEnrollment(lea.id(), InterfaceChoice.FULL, CLIENT))
                .as("not without enrolling").isEqualTo(new LoginResult.TwoFactorEnrollmentRequired(lea.id()));

        TwoFactor.Enrollment enrollment = strict.twoFactor().startEnrollment(lea.id(), CLIENT).orElseThrow();
        byte[] secret = BaseEncoding.base32().decode(enrollment.secret().replace(" ", ""));
        strict.twoFactor().confirm(lea.id(), TOTP.codeAt(secret, s.clock().instant()), CLIENT);
        assertThat(strict.authentication().completeEnrollment(lea.id(), InterfaceChoice.FULL, CLIENT))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(strict.twoFactor().status(lea.id()).required()).isTrue();
        s.clock().advance(Duration.ofSeconds(30));
        assertThat(strict.twoFactor().disable(lea.id(), PASSWORD, TOTP.codeAt(secret, s.clock().instant()), CLIENT))
                .extracting(UserError::key).containsExactly("two-factor.error.required");
        assertThat(strict.twoFactor().enabled(lea.id())).isTrue();

        // an académie's own list wins over the installation's
        IdentityServices dijonFree = s.withTwoFactor(new TwoFactorProperties(java.util.Set.of(Role.SUPPORT), java.util.Map.of("dijon",
                        new TwoFactorProperties.AcademyRule(java.util.Set.of())), Duration.ofDays(30),
                        Duration.ofMinutes(10), "Préau", 20));
        assertThat(dijonFree.twoFactor().required(lea.id())).isFalse();
    }

    @Test
    void turningItOffNeedsThePasswordAndACodeAndTakesEverythingWithIt() {
        Enrolled enrolled = enroll(jean);
        s.twoFactor().trustBrowser(jean.id(), CLIENT);
        s.appPasswords().create(jean.id(), "Thunderbird", CLIENT);
        s.clock().advance(Duration.ofSeconds(30));
        assertThat(s.twoFactor().disable(jean.id(), "", "", CLIENT)).extracting(UserError::field)
                .containsExactly("disable-password", "disable-code");
        assertThat(s.twoFactor().disable(jean.id(), "wrong", codeNow(enrolled), CLIENT))
                .extracting(UserError::field, UserError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("disable-password", "two-factor.error.password-wrong"));
        assertThat(s.twoFactor().disable(jean.id(), PASSWORD, "123", CLIENT)).extracting(UserError::key)
                .containsExactly("two-factor.error.code-wrong");
        assertThat(s.twoFactor().enabled(jean.id())).isTrue();
        assertThat(s.twoFactor().disable(jean.id(), PASSWORD, codeNow(enrolled), CLIENT)).isEmpty();
        assertThat(s.twoFactor().status(jean.id())).satisfies(st -> {
            assertThat(st.enabled()).isFalse();
            assertThat(st.trustedBrowsers()).isEmpty();
        });
        assertThat(s.appPasswords().list(jean.id())).isEmpty();
        assertThat(db.jdbc().sql("select count(*) from two_factor_recovery_code").query(Integer.class).single()).isZero();
        assertThat(login()).isInstanceOf(LoginResult.Success.class);
        assertThat(audit().stream().filter(e -> e.type().equals("TWO_FACTOR_DISABLED")).findFirst().orElseThrow()
                .details()).isEqualTo("trusted-browsers=1 app-passwords=1");
    }

    @Test
    void mailClientsUseAppPasswordsOnceItIsOnNeverTheAccountPassword() {
        assertThat(((AppPasswords.Creation.Refused) s.appPasswords().create(jean.id(), "Thunderbird", CLIENT)).error().key())
                .isEqualTo("app-passwords.error.two-factor-off");
        assertThat(s.authentication().authenticateProtocol("jdupont", PASSWORD, "smtp", CLIENT).succeeded()).isTrue();
        Enrolled enrolled = enroll(jean);

        var created = (AppPasswords.Creation.Created) s.appPasswords().create(jean.id(), " Thunderbird ", CLIENT);
        assertThat(created.password()).matches("[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}");
        assertThat(created.appPassword().name()).isEqualTo("Thunderbird");
        assertThat(db.jdbc().sql("select password_hash from app_password").query(String.class).single())
                .matches("[0-9a-f]{64}");
        assertThat(((AppPasswords.Creation.Refused) s.appPasswords().create(jean.id(), "thunderbird", CLIENT)).error().key())
                .isEqualTo("app-passwords.error.name-taken");
        assertThat(((AppPasswords.Creation.Refused) s.appPasswords().create(jean.id(), "  ", CLIENT)).error().key())
                .isEqualTo("app-passwords.error.name-missing");
        assertThat(((AppPasswords.Creation.Refused) s.appPasswords().create(jean.id(), "x".repeat(61), CLIENT)).error().key())
                .isEqualTo("app-passwords.error.name-too-long");

        Authentication.ProtocolLogin ok = s.authentication().authenticateProtocol("jdupont", created.password(), "smtp", CLIENT);
        assertThat(ok.succeeded()).isTrue();
        assertThat(s.authentication().authenticateProtocol("jean.dupont@ac-dijon.fr",
                created.password().replace("-", "").toUpperCase(), "imap", CLIENT).succeeded()).isTrue();
        assertThat(s.appPasswords().list(jean.id()).getFirst()).satisfies(p -> {
            assertThat(p.lastUsedAt()).isEqualTo(s.clock().instant());
            assertThat(p.lastUsedProtocol()).isEqualTo("imap");
        });
        assertThat(s.authentication().authenticateProtocol("jdupont", PASSWORD, "smtp", CLIENT).refusal())
                .isEqualTo(new LoginResult.AppPasswordRequired());
        assertThat(s.audit().latest("PROTOCOL_LOGIN_NEEDS_APP_PASSWORD", 5)).hasSize(1);
        assertThat(s.authentication().authenticateProtocol("jdupont", "aaaa-bbbb-cccc-dddd", "smtp", CLIENT).refusal())
                .isEqualTo(new LoginResult.BadCredentials());
        assertThat(s.audit().latest("LOGIN_FAILED", 1).getFirst().details()).isEqualTo("failures=1 protocol=smtp");
        assertThat(s.authentication().authenticateProtocol("jdupont", codeNow(enrolled), "smtp", CLIENT).succeeded())
                .as("nor a TOTP code").isFalse();
        assertThat(s.authentication().authenticate("jdupont", created.password(), InterfaceChoice.FULL, CLIENT))
                .as("an app password never opens the web").isEqualTo(new LoginResult.BadCredentials());

        Account other = s.createActive("Marie", "Martin", numen(2), PASSWORD);
        assertThat(s.appPasswords().revoke(other.id(), created.appPassword().id(), CLIENT)).as("not theirs").isFalse();
        assertThat(s.authentication().authenticateProtocol("mmartin", created.password(), "smtp", CLIENT).succeeded())
                .as("only for its own account").isFalse();
        assertThat(s.appPasswords().revoke(jean.id(), created.appPassword().id(), CLIENT)).isTrue();
        assertThat(s.authentication().authenticateProtocol("jdupont", created.password(), "smtp", CLIENT).refusal())
                .isEqualTo(new LoginResult.BadCredentials());
        assertThat(auditTypes()).contains("APP_PASSWORD_CREATED", "APP_PASSWORD_REVOKED");
    }

    @Test
    void aPasswordResetRevokesTrustedBrowsersAndAppPasswordsButKeepsTheSecondFactor() {
        Enrolled enrolled = enroll(jean);
        String token = s.twoFactor().trustBrowser(jean.id(), CLIENT);
        var created = (AppPasswords.Creation.Created) s.appPasswords().create(jean.id(), "Phone", CLIENT);
        assertThat(s.passwordChanges().reset(jean.id(), "Nouveau-Cerf-Volant-93!", "Nouveau-Cerf-Volant-93!", "test",
                CLIENT)).isEmpty();
        CredentialsReset reset = (CredentialsReset) s.events().stream().filter(CredentialsReset.class::isInstance)
                .findFirst().orElseThrow();
        s.twoFactor().credentialsReset(reset); // as Spring dispatches it, in the reset's transaction
        assertThat(s.appPasswords().list(jean.id())).isEmpty();
        assertThat(s.authentication().authenticateProtocol("jdupont", created.password(), "smtp", CLIENT).succeeded())
                .isFalse();
        assertThat(s.authentication().authenticate("jdupont", "Nouveau-Cerf-Volant-93!", InterfaceChoice.FULL, CLIENT,
                token)).as("the browser is no longer trusted").isInstanceOf(LoginResult.SecondFactorRequired.class);
        assertThat(s.twoFactor().enabled(jean.id())).isTrue();
        assertThat(s.audit().latest("TWO_FACTOR_CREDENTIALS_REVOKED", 1).getFirst().details())
                .isEqualTo("reason=password-reset trusted-browsers=1 app-passwords=1");
        assertThat(enrolled.recoveryCodes()).hasSize(10);
    }

    @Test
    void everyChangeIsNotifiedToTheAgent() {
        enroll(jean);
        var created = (AppPasswords.Creation.Created) s.appPasswords().create(jean.id(), "Phone", CLIENT);
        s.appPasswords().revoke(jean.id(), created.appPassword().id(), CLIENT);
        s.twoFactor().regenerateRecoveryCodes(jean.id(), PASSWORD, CLIENT);
        assertThat(s.mail().messages()).extracting(IdentityServices.SentMail.Message::recipient)
                .containsOnly("jean.dupont@ac-dijon.fr");
        assertThat(s.mail().messages()).hasSize(4);
        assertThat(s.mail().messages().getFirst().text()).doesNotContain("null");
    }
}
