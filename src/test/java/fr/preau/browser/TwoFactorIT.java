package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.BaseEncoding;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.AppPasswordsPage;
import fr.preau.browser.pages.ForcedEnrollmentPage;
import fr.preau.browser.pages.FullHomePage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.SecondFactorPage;
import fr.preau.browser.pages.TwoFactorPage;
import fr.preau.browser.pages.TwoFactorSetupForm;
import fr.preau.identity.Authentication;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.identity.internal.Totp;
import fr.preau.platform.web.ClientInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-factor authentication as agents meet it: turning it on with the secret read from the
 * page and real TOTP codes computed here (as a phone would), signing in with a code, with a
 * recovery code (once only), from a trusted browser, a wrong code, the enrollment a support
 * agent of Lyon is sent to (the tests' configuration requires it there), and app passwords.
 */
class TwoFactorIT extends BrowserTest {

    /** Lyon's Lycée du Parc (the tests require two-factor authentication of its support agents). */
    private static final String LYON_UAI = "0690026D";
    private static int lyonAgents;

    @Autowired
    Authentication authentication;

    /** The agent's phone: computes codes from the secret, never the same step twice (the server refuses replays). */
    static final class Phone {
        private final Totp totp = new Totp();
        private final byte[] secret;
        private long lastStep = Long.MIN_VALUE;

        Phone(String shownSecret) {
            this.secret = BaseEncoding.base32().decode(shownSecret.replace(" ", ""));
        }

        /** A code the server has not accepted yet: this step's, or the next one's if this one was used. */
        String code() {
            while (true) {
                long now = totp.stepAt(Instant.now());
                long step = Math.max(now, lastStep + 1);
                if (step <= now + 1) {
                    lastStep = step;
                    return totp.code(secret, step);
                }
                sleep(1_000);
            }
        }

        /** A code of another time (five minutes ahead): wrong now. */
        String wrongCode() {
            return totp.code(secret, totp.stepAt(Instant.now()) + 10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the agent keeps after turning it on. */
    record Enrolled(Phone phone, List<String> recoveryCodes) {}

    /** Turns it on from the account page, as the agent would; the page must show the codes. */
    private Enrolled enroll(Page page, Scenario s, boolean screenshots) {
        TwoFactorPage account = TwoFactorPage.open(page);
        assertThat(account.heading()).isEqualTo(fr("two-factor.title"));
        if (screenshots) {
            s.step(page, "off");
        }
        TwoFactorSetupForm setup = account.start();
        assertThat(setup.qrCode()).isVisible();
        assertThat(setup.qrCode().getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        Phone phone = new Phone(setup.secret());
        if (screenshots) {
            s.step(page, "setup");
        }
        setup.confirm(phone.code());
        account = TwoFactorPage.answerTo(page, "confirm");
        assertThat(account.notice()).isEqualTo(fr("two-factor.notice.enabled"));
        List<String> codes = setup.recoveryCodes();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(account.state()).containsText(fr("two-factor.on"));
        if (screenshots) {
            s.step(page, "recovery-codes");
        }
        return new Enrolled(phone, codes);
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void enrollThenSignInWithACodeFromThePhone(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("two-factor-enroll", viewport)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            Enrolled enrolled = enroll(page, s, true);

            SecondFactorPage second = SecondFactorPage.afterPassword(TwoFactorPage.answerTo(page, "confirm").logout(), agent.login(),
                    Agents.PASSWORD);
            assertThat(second.heading()).isEqualTo(fr("second-factor.title"));
            assertThat(second.signedInAs()).as("not signed in yet").isNull();
            s.step(page, "second-step");
            // nothing of the account opens in between: the login page again, which then leads there
            page.navigate("/account/two-factor");
            new LoginPage(page);
            page.goBack();
            new SecondFactorPage(page).type(enrolled.phone().code()).verifyFor();
            TwoFactorPage account = new TwoFactorPage(page);
            assertThat(account.signedInAs()).isEqualTo(agent.displayName());
            assertThat(account.codesLeft()).isEqualTo(fr("two-factor.codes.left", 10));
            s.step(page, "signed-in");
        }
    }

    @Test
    void aRecoveryCodeOpensOnceOnly() {
        Agent agent = agents.active();
        try (Scenario s = scenario("two-factor-recovery-code", Viewport.DESKTOP)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            Enrolled enrolled = enroll(page, s, false);
            String code = enrolled.recoveryCodes().get(0);

            SecondFactorPage second = SecondFactorPage.afterPassword(TwoFactorPage.answerTo(page, "confirm").logout(), agent.login(),
                    Agents.PASSWORD);
            second.type(code.toUpperCase());
            s.step(page, "typed");
            FullHomePage home = second.verify();
            TwoFactorPage account = TwoFactorPage.open(page);
            assertThat(account.codesLeft()).isEqualTo(fr("two-factor.codes.left", 9));
            s.step(page, "nine-left");

            second = SecondFactorPage.afterPassword(account.logout(), agent.login(), Agents.PASSWORD);
            second = second.type(code).attempt();
            assertThat(second.fieldError()).isEqualTo(fr("two-factor.error.recovery-code-used"));
            assertThat(second.errorSummary()).contains(fr("two-factor.error.recovery-code-used"));
            s.step(page, "used-twice");
            assertThat(second.type(enrolled.recoveryCodes().get(1)).verify().signedInAs()).isEqualTo(agent.displayName());
        }
    }

    @Test
    void aTrustedBrowserSkipsTheStepUntilTheAgentRevokesIt() {
        Agent agent = agents.active();
        try (Scenario s = scenario("two-factor-trusted-browser", Viewport.DESKTOP)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            Enrolled enrolled = enroll(page, s, false);
            SecondFactorPage second = SecondFactorPage.afterPassword(TwoFactorPage.answerTo(page, "confirm").logout(), agent.login(),
                    Agents.PASSWORD);
            second.type(enrolled.phone().code()).trustThisBrowser();
            s.step(page, "trust-ticked", false);
            second.verify();
            Cookie trusted = page.context().cookies().stream().filter(c -> c.name.equals("preau_trusted"))
                    .findFirst().orElseThrow();
            assertThat(trusted.httpOnly).isTrue();
            assertThat(trusted.secure).isTrue();
            assertThat(trusted.path).isEqualTo("/login");
            assertThat(trusted.expires).isGreaterThan(Instant.now().plusSeconds(29L * 24 * 3600).getEpochSecond());

            // the same browser another day: a new context with only that cookie, no session
            Page later = s.newPage();
            later.context().addCookies(List.of(trusted));
            FullHomePage home = LoginPage.open(later).logInFull(agent.login(), Agents.PASSWORD);
            assertThat(home.signedInAs()).isEqualTo(agent.displayName());
            s.step(later, "no-code-asked", false);

            TwoFactorPage account = TwoFactorPage.open(later);
            assertThat(account.trustedBrowsers()).hasCount(1);
            assertThat(account.trustedBrowsers().first()).containsText("Chrome");
            s.step(later, "listed");
            account = account.revokeFirstBrowser();
            assertThat(account.notice()).isEqualTo(fr("two-factor.notice.browser-revoked"));
            assertThat(account.trustedBrowsers()).hasCount(0);

            Page again = s.newPage();
            again.context().addCookies(List.of(trusted));
            SecondFactorPage asked = SecondFactorPage.afterPassword(LoginPage.open(again), agent.login(), Agents.PASSWORD);
            assertThat(asked.heading()).isEqualTo(fr("second-factor.title"));
            s.step(again, "revoked-asks-again", false);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aWrongCodeIsExplainedAndTheRightOneThenOpens(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("two-factor-wrong-code", viewport)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            Enrolled enrolled = enroll(page, s, false);
            SecondFactorPage second = SecondFactorPage.afterPassword(TwoFactorPage.answerTo(page, "confirm").logout(), agent.login(),
                    Agents.PASSWORD);
            second = second.type(enrolled.phone().wrongCode()).trustThisBrowser().attempt();
            assertThat(second.fieldError()).isEqualTo(fr("two-factor.error.code-wrong"));
            assertThat(second.errorSummary()).contains(fr("two-factor.error.code-wrong"));
            assertThat(second.trustTicked()).as("the box stays as it was").isTrue();
            assertThat(page.locator("#code")).hasAttribute("aria-invalid", "true");
            s.step(page, "refused");
            FullHomePage home = second.type(enrolled.phone().code()).verify();
            assertThat(home.signedInAs()).isEqualTo(agent.displayName());
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aSupportAgentOfLyonMustTurnItOnRightAfterThePassword(Viewport viewport) {
        String login = lyonSupportAgent();
        try (Scenario s = scenario("two-factor-forced", viewport)) {
            Page page = s.newPage();
            ForcedEnrollmentPage forced = ForcedEnrollmentPage.afterPassword(LoginPage.open(page), login, Agents.PASSWORD);
            assertThat(forced.heading()).isEqualTo(fr("second-factor.enroll.title"));
            assertThat(forced.signedInAs()).isNull();
            s.step(page, "setup");
            // nothing else opens before it is on
            page.navigate("/app");
            new LoginPage(page);
            page.navigate("/login/second-factor/enroll");
            forced = new ForcedEnrollmentPage(page);
            TwoFactorSetupForm setup = forced.setup();
            Phone phone = new Phone(setup.secret());
            setup.confirm("12345");
            assertThat(setup.fieldError()).isEqualTo(fr("two-factor.error.code-format"));
            s.step(page, "wrong-format", false);
            setup.confirm(phone.code());
            assertThat(setup.recoveryCodes()).hasSize(10);
            s.step(page, "recovery-codes");
            FullHomePage home = new ForcedEnrollmentPage(page).proceed();
            assertThat(home.signedInAs()).isNotNull();
            TwoFactorPage account = TwoFactorPage.open(page);
            assertThat(page.locator("#disable")).containsText(fr("two-factor.disable.required"));
            s.step(page, "cannot-turn-off", false);
        }
    }

    @Test
    void appPasswordsOnceItIsOnCreatedShownOnceAndRevoked() {
        Agent agent = agents.active();
        try (Scenario s = scenario("two-factor-app-passwords", Viewport.DESKTOP)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            AppPasswordsPage before = AppPasswordsPage.open(page);
            assertThat(before.offNotice()).containsText(fr("app-passwords.off.text"));
            s.step(page, "off");
            enroll(page, s, false);
            AppPasswordsPage list = TwoFactorPage.answerTo(page, "confirm").openAppPasswords();
            assertThat(list.accountPasswordRefused()).hasText(fr("app-passwords.account-password-refused"));
            list = list.create("");
            assertThat(list.nameError()).isEqualTo(fr("app-passwords.error.name-missing"));
            list = list.create("Thunderbird du bureau");
            String password = list.newPassword();
            assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
            assertThat(list.rows()).hasCount(1);
            assertThat(list.rows().first()).containsText(fr("app-passwords.never-used"));
            s.step(page, "created");

            ClientInfo thunderbird = new ClientInfo("192.0.2.77", "SMTP");
            assertThat(authentication.authenticateProtocol(agent.login(), password, "smtp", thunderbird).succeeded()).isTrue();
            assertThat(authentication.authenticateProtocol(agent.login(), Agents.PASSWORD, "smtp", thunderbird).succeeded())
                    .as("the account password is refused to mail clients").isFalse();
            list = AppPasswordsPage.open(page);
            assertThat(list.newPasswordBox()).hasCount(0);
            assertThat(list.rows().first()).containsText("(SMTP)");
            s.step(page, "used", false);

            list = list.revokeFirst();
            assertThat(list.notice()).isEqualTo(fr("app-passwords.notice.revoked"));
            assertThat(list.rows()).hasCount(0);
            assertThat(authentication.authenticateProtocol(agent.login(), password, "smtp", thunderbird).succeeded()).isFalse();
            s.step(page, "revoked", false);
        }
    }

    /** A support agent of Lyon, activated with {@link Agents#PASSWORD}. */
    private String lyonSupportAgent() {
        int n = ++lyonAgents;
        String numen = "10A98" + String.format("%05d", n + (int) (System.nanoTime() % 50_000)) + "TST";
        ProvisionedAccount created = accounts.create("test", new NewAccount("Roux", "Nadia", numen, "support", LYON_UAI,
                null, null));
        var problems = firstConnection.complete(created.account().id(), Agents.PASSWORD, Agents.PASSWORD, null, null,
                new ClientInfo("192.0.2.10", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"));
        assertThat(problems).isEmpty();
        return created.account().login();
    }
}
