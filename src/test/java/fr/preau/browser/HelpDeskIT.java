package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import fr.preau.browser.pages.ActivationPasswordPage;
import fr.preau.browser.pages.FirstConnectionPage;
import fr.preau.browser.pages.FullHomePage;
import fr.preau.browser.pages.HelpDeskFiledPage;
import fr.preau.browser.pages.HelpDeskFormPage;
import fr.preau.browser.pages.HelpDeskStatusPage;
import fr.preau.browser.pages.LetterPrintPage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.SupportConsolePage;
import fr.preau.browser.pages.SupportRequestPage;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.ContactSettings;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.web.ClientInfo;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The help desk between two browsers. An agent who cannot sign in files a request from the login
 * page (first with mistakes) and notes its reference; a support agent of the same département
 * finds it in the console from their home page, checks the NUMEN the agent reads out (a wrong
 * one, then the right one), sends a reset link (it reaches the agent's verified backup address),
 * prints a new activation letter (which re-initialises the active account and whose code then
 * opens the first connection), notes something internal and answers; the agent sees the new
 * status and the answer, never the internal note.
 */
class HelpDeskIT extends BrowserTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.30", "HelpDeskIT");

    @Autowired
    ContactSettings contactSettings;

    @Autowired
    fr.preau.identity.TwoFactor twoFactor;

    /** An account with its NUMEN, made by the administration's API. */
    private record Person(long id, String login, String numen, String lastName, String firstName, String backupEmail) {}

    private Person person(String lastName, String firstName, String role, String uai, boolean verifiedBackup) {
        int n = SEQUENCE.incrementAndGet();
        String numen = String.format("07K15%05d%s", n + (verifiedBackup ? 0 : 50_000), verifiedBackup ? "HDA" : "HDS");
        String backup = verifiedBackup ? firstName.toLowerCase() + "." + lastName.toLowerCase() + "." + n + "@example.org" : null;
        ProvisionedAccount created = accounts.create("test", new NewAccount(lastName, firstName, numen, role, uai, null, null));
        long id = created.account().id();
        assertThat(firstConnection.complete(id, Agents.PASSWORD, Agents.PASSWORD, backup, null, CLIENT)).isEmpty();
        if (verifiedBackup) {
            int before = outsideMailTo(backup).size();
            assertThat(contactSettings.sendEmailCode(id, CLIENT)).isEmpty();
            Matcher code = Pattern.compile("\\(" + created.account().login() + "\\) : (\\S+)")
                    .matcher(outsideMail(backup, before));
            assertThat(code.find()).as("verification code in the mail").isTrue();
            assertThat(contactSettings.verifyEmail(id, code.group(1), CLIENT)).isEmpty();
            assertThat(contactSettings.of(id).backupEmailVerified()).isTrue();
        }
        return new Person(id, created.account().login(), numen, lastName, firstName, backup);
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void anAgentAsksForHelpAndTheSupportAgentOfTheDepartementSortsItOut(Viewport viewport) {
        Person agent = person("Vasseur", "Odile", "enseignant", Agents.UAI, true);
        Person support = person("Jacob", "Sonia", "support", "0211928G", false);
        try (Scenario s = scenario("help-desk", viewport)) {
            // ---- the agent, not signed in
            Page requester = s.newPage();
            HelpDeskFormPage form = HelpDeskFormPage.fromLogin(requester);
            assertThat(form.heading()).isEqualTo(fr("hd.form.title"));
            s.step(requester, "form");

            form.fill("Vasseur", "Odile", "", "07E12", "21", "", "", "Mot de passe oublié, pas d’adresse de secours ?");
            form = form.sendRefused();
            assertThat(form.fieldError("numen")).isEqualTo(fr("hd.error.numen-format"));
            assertThat(form.fieldError("contactEmail")).isEqualTo(fr("hd.error.contact-missing"));
            assertThat(form.value("lastName")).isEqualTo("Vasseur");
            assertThat(form.value("message")).isEqualTo("Mot de passe oublié, pas d’adresse de secours ?");
            assertThat(form.errorSummary()).contains(fr("hd.error.numen-format"));
            s.step(requester, "form-errors");

            HelpDeskFiledPage filed = form.fill("Vasseur", "Odile", agent.login(), "", "21", "odile.perso@example.org",
                    "06 12 34 56 78", "J’ai oublié mon mot de passe depuis les vacances.").send();
            String reference = filed.reference();
            String code = filed.code();
            assertThat(reference).matches("HD-[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
            s.step(requester, "reference");
            HelpDeskStatusPage status = filed.follow();
            assertThat(status.status()).isEqualTo(fr("hd.status.NEW"));

            // ---- the support agent of the Côte-d'Or, in another browser
            Page desk = s.newPage();
            FullHomePage home = LoginPage.open(desk).logInFull(support.login(), Agents.PASSWORD);
            assertThat(desk.locator("#support-console")).containsText(fr("hd.home.open"));
            SupportConsolePage console = SupportConsolePage.fromHome(home);
            assertThat(console.requests()).contains(reference, "Vasseur Odile", fr("hd.status.NEW"));
            s.step(desk, "console");

            SupportRequestPage request = console.open(reference);
            assertThat(request.typed()).contains("Vasseur", "Odile", agent.login(), fr("hd.request.numen-not-given"),
                    "odile.perso@example.org").doesNotContain(agent.numen());
            assertThat(request.account(agent.id())).containsText(fr("hd.account.by-identifier"));
            assertThat(request.account(agent.id())).containsText(fr("hd.account.backup-verified"));
            assertThat(desk.content()).doesNotContain(agent.numen()).doesNotContain(agent.numen().substring(0, 2) + "•");
            s.step(desk, "request");

            // the letter needs the identity checked first
            request = request.askLetterUnconfirmed(agent.id());
            assertThat(request.accountFlash(agent.id())).isEqualTo(fr("hd.letter.check-first"));

            request = request.checkNumen(agent.id(), "07E9999999ZZZ");
            assertThat(request.accountFlash(agent.id())).isEqualTo(fr("hd.check.no-match"));
            assertThat(desk.locator("#numen-" + agent.id())).hasValue("");
            s.step(desk, "numen-wrong");
            request = request.checkNumen(agent.id(), agent.numen().toLowerCase().substring(0, 5) + " " + agent.numen().substring(5));
            assertThat(request.accountFlash(agent.id())).isEqualTo(fr("hd.check.match"));
            assertThat(request.account(agent.id())).containsText(fr("hd.account.confirmed"));
            s.step(desk, "numen-right");

            int mailsBefore = outsideMailTo(agent.backupEmail()).size();
            request = request.sendResetLink(agent.id());
            assertThat(request.accountFlash(agent.id())).isEqualTo(fr("hd.reset.sent"));
            assertThat(request.history()).contains(fr("hd.action.RESET_LINK_SENT", agent.login()),
                    fr("hd.action.IDENTITY_MATCHED", agent.login()), fr("hd.action.IDENTITY_NOT_MATCHED", agent.login()));
            s.step(desk, "reset-link-sent");
            assertThat(outsideMail(agent.backupEmail(), mailsBefore)).contains("/recovery/link/", agent.login());

            // an active account: the letter re-initialises it, once the support agent confirms
            request = request.askLetterUnconfirmed(agent.id());
            assertThat(request.accountFlash(agent.id())).isEqualTo(fr("hd.letter.confirm-needed"));
            assertThat(accounts.byId(agent.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
            LetterPrintPage letter = request.printLetter(agent.id());
            String activationCode = letter.code();
            assertThat(activationCode).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
            assertThat(letter.text()).contains("Odile Vasseur", agent.login(), "Lycée Carnot",
                    fr("hd.letter.intro-reinitialised", "Académie de Dijon"), "/first-connection", Agents.HELP_DESK_PHONE);
            assertThat(letter.printButton()).isVisible();
            assertThat(accounts.byId(agent.id()).orElseThrow().status()).isEqualTo(AccountStatus.PENDING);
            s.step(desk, "letter");
            // as it prints: without the site's header, footer and the console's bar
            desk.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(desk.locator(".site-header")).isHidden();
            assertThat(desk.locator(".hd-letter-bar")).isHidden();
            s.step(desk, "letter-print", false);
            desk.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            request = letter.back(reference);
            assertThat(request.history()).contains(fr("hd.action.LETTER_ISSUED", agent.login()));

            request = request.reply("Rappelée au 06, identité vérifiée par NUMEN.", true, "IN_PROGRESS");
            assertThat(request.requestFlash()).isEqualTo(fr("hd.reply.noted"));
            request = request.reply("Une nouvelle lettre d’activation vous est envoyée au lycée Carnot.", false, "RESOLVED");
            assertThat(request.requestFlash()).isEqualTo(fr("hd.reply.sent"));
            assertThat(request.status()).isEqualTo(fr("hd.status.RESOLVED"));
            s.step(desk, "answered");

            // ---- the agent sees the answer and the new status, not the internal note
            status = status.reload();
            assertThat(status.status()).isEqualTo(fr("hd.status.RESOLVED"));
            assertThat(status.history()).contains("Une nouvelle lettre d’activation vous est envoyée au lycée Carnot.",
                    fr("hd.history.help-desk")).doesNotContain("Rappelée").doesNotContain(support.login())
                    .doesNotContain(fr("hd.action.RESET_LINK_SENT", agent.login()));
            s.step(requester, "status-resolved");

            // from another device, with the reference and the follow-up code
            Page phone = s.newPage();
            HelpDeskStatusPage elsewhere = HelpDeskStatusPage.open(phone, reference, code.toLowerCase());
            assertThat(elsewhere.status()).isEqualTo(fr("hd.status.RESOLVED"));

            // the letter's code opens the first connection of the re-initialised account
            ActivationPasswordPage password = FirstConnectionPage.open(requester).proveWith(agent.login(), activationCode);
            assertThat(password.heading()).isNotEmpty();
            s.step(requester, "letter-code-works", false);
        }
    }

    @org.junit.jupiter.api.Test
    void theSupportAgentTurnsOffTwoStepVerificationForAnAgentWhoLostTheirPhone() throws InterruptedException {
        Person agent = person("Perrin", "Gaelle", "enseignant", Agents.UAI, true);
        Person support = person("Roux", "Bastien", "support", "0211928G", false);
        var enrollment = twoFactor.startEnrollment(agent.id(), CLIENT).orElseThrow();
        TwoFactorIT.Phone lostPhone = new TwoFactorIT.Phone(enrollment.secret());
        assertThat(twoFactor.confirm(agent.id(), lostPhone.code(), CLIENT))
                .isInstanceOf(fr.preau.identity.TwoFactor.Confirmation.Enabled.class);
        try (Scenario s = scenario("help-desk-two-factor", Viewport.DESKTOP)) {
            Page requester = s.newPage();
            String reference = HelpDeskFormPage.fromLogin(requester).fill("Perrin", "Gaelle", agent.login(), "", "21",
                    "gaelle.perso@example.org", "", "J’ai perdu mon téléphone et mes codes de secours.").send().reference();

            Page desk = s.newPage();
            SupportRequestPage request = SupportConsolePage.fromHome(LoginPage.open(desk).logInFull(support.login(),
                    Agents.PASSWORD)).open(reference);
            assertThat(request.account(agent.id())).containsText(fr("hd.account.two-factor-on"));
            request = request.turnOffTwoFactor(agent.id());
            assertThat(request.accountFlash(agent.id())).isEqualTo(fr("hd.letter.check-first"));
            assertThat(twoFactor.enabled(agent.id())).isTrue();
            request = request.checkNumen(agent.id(), agent.numen()).turnOffTwoFactor(agent.id());
            assertThat(request.accountFlash(agent.id())).isEqualTo(fr("hd.two-factor.disabled"));
            assertThat(request.account(agent.id())).containsText(fr("hd.account.two-factor-off"));
            assertThat(request.history()).contains(fr("hd.action.TWO_FACTOR_DISABLED", agent.login()));
            s.step(desk, "turned-off");
            assertThat(twoFactor.enabled(agent.id())).isFalse();
            String notice = fr("security-notice.change.TWO_FACTOR_DISABLED");
            long deadline = System.currentTimeMillis() + 20_000;
            while (!outsideMail(agent.backupEmail(), 0).contains(notice) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(outsideMail(agent.backupEmail(), 0)).contains(notice);

            // the agent signs in with the password alone, and may set it up again on a new phone
            FullHomePage home = LoginPage.open(requester).logInFull(agent.login(), Agents.PASSWORD);
            assertThat(home.signedInAs()).isEqualTo("Gaelle Perrin");
            s.step(requester, "signed-in", false);
        }
    }
}
