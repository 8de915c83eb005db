package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.SecuritySettingsPage;
import fr.preau.identity.SecurityQuestions;
import fr.preau.identity.SmsOutbox;
import fr.preau.identity.internal.ContactRepository;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Sécurité du compte": the agent verifies a backup address (code read from the mail that left
 * for the Internet) and a mobile (code read from the SMS outbox), changes the password (other
 * sessions closed, a notice to the backup address) and chooses security questions; each bad
 * input gets its message next to the field and changes nothing.
 */
class AccountSecurityIT extends BrowserTest {

    private static final String NEW_PASSWORD = "Brioche-Tilleul-Kayak-93?";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final AtomicInteger NUMBERS = new AtomicInteger(10);

    @Autowired SmsOutbox sms;
    @Autowired SecurityQuestions questions;
    @Autowired ContactRepository contacts;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void verifyTheBackupAddressAndTheMobile(Viewport viewport) {
        Agent agent = agents.active();
        String backup = agent.login() + "." + viewport.label() + "@exemple-perso.fr";
        String mobile = "06 12 34 56 " + NUMBERS.incrementAndGet();
        try (Scenario s = scenario("account-contacts", viewport)) {
            Page page = s.newPage();
            SecuritySettingsPage security = LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD).openSecurity();
            assertThat(security.heading()).isEqualTo(fr("security.title"));
            assertThat(security.warnings()).containsText(fr("security.no-recovery"));
            s.step(page, "hub");

            security.openContacts().saveBackupEmail("pas-une-adresse", Agents.PASSWORD);
            assertThat(security.fieldError("backupEmail")).isEqualTo(fr("account.error.backup-email", "pas-une-adresse"));
            assertThat(page.locator("#backupEmail")).hasValue("pas-une-adresse");
            security.saveBackupEmail(backup, "mauvais-mot-de-passe");
            assertThat(security.fieldError("emailPassword")).isEqualTo(fr("password.error.current-wrong"));
            assertThat(page.locator("#backupEmail")).hasValue(backup);
            s.step(page, "email-errors");

            int before = outsideMailTo(backup).size();
            security.saveBackupEmail(backup, Agents.PASSWORD);
            assertThat(security.notice()).isEqualTo(fr("contacts.notice.email-code-sent"));
            String mail = outsideMail(backup, before);
            assertThat(mail).contains(fr("contacts.email-code.subject"));
            String code = code(mail);
            security.verifyEmail(code.equals("000000") ? "111111" : "000000");
            assertThat(security.fieldError("emailCode")).isEqualTo(fr("contacts.error.code-wrong", 4));
            s.step(page, "email-wrong-code");
            security.verifyEmail(code);
            assertThat(security.notice()).isEqualTo(fr("security.notice.email-verified"));
            assertThat(security.main()).containsText(backup);
            assertThat(security.main()).containsText(fr("security.verified"));
            s.step(page, "email-verified");

            security.openContacts().saveMobile("12", Agents.PASSWORD);
            assertThat(security.fieldError("mobile")).isEqualTo(fr("account.error.mobile", "12"));
            security.saveMobile(mobile, Agents.PASSWORD);
            assertThat(security.notice()).isEqualTo(fr("contacts.notice.mobile-code-sent"));
            String international = "+336123456" + NUMBERS.get();
            String text = sms.latest(international, 1).getFirst().body();
            s.step(page, "mobile-code-sent");
            security.verifyMobile(code(text));
            assertThat(security.notice()).isEqualTo(fr("security.notice.mobile-verified"));
            assertThat(security.warnings()).hasCount(0);
            s.step(page, "mobile-verified");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void changeThePasswordClosingTheOtherSessions(Viewport viewport) {
        Agent agent = agents.active();
        String backup = agent.login() + ".pw@exemple-perso.fr";
        contacts.setBackupEmail(agent.id(), backup);
        contacts.verifyBackupEmail(agent.id(), backup, java.time.Instant.now());
        try (Scenario s = scenario("account-password", viewport)) {
            Page other = s.newPage();
            LoginPage.open(other).logInFull(agent.login(), Agents.PASSWORD);
            Page page = s.newPage();
            SecuritySettingsPage security = LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD).openSecurity();

            security.changePassword("mauvais", NEW_PASSWORD, NEW_PASSWORD);
            assertThat(security.fieldError("current")).isEqualTo(fr("password.error.current-wrong"));
            s.step(page, "wrong-current");
            page.locator("#current").fill(Agents.PASSWORD);
            page.locator("#password").fill(Agents.PASSWORD);
            page.locator("#confirmation").fill(Agents.PASSWORD);
            page.locator("main form button[type=submit]").click();
            assertThat(page.locator("#error-summary")).containsText(fr("password.error.same-as-before"));
            s.step(page, "same-as-before");

            int before = outsideMailTo(backup).size();
            page.locator("#current").fill(Agents.PASSWORD);
            page.locator("#password").fill(NEW_PASSWORD);
            page.locator("#confirmation").fill(NEW_PASSWORD);
            page.locator("main form button[type=submit]").click();
            assertThat(new SecuritySettingsPage(page).notice()).isEqualTo(fr("security.notice.password-changed"));
            s.step(page, "changed");
            assertThat(outsideMail(backup, before)).contains(fr("security-notice.change.PASSWORD_CHANGED"))
                    .doesNotContain(NEW_PASSWORD);

            other.reload();
            assertThat(new LoginPage(other).signedInAs()).isNull();
            LoginPage login = LoginPage.open(other).attempt(agent.login(), Agents.PASSWORD);
            assertThat(login.errorSummary()).contains(fr("login.error.bad-credentials"));
            login.logInFull(agent.login(), NEW_PASSWORD);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void chooseSecurityQuestions(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("account-questions", viewport)) {
            Page page = s.newPage();
            SecuritySettingsPage security = LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD).openSecurity();
            security.openQuestions()
                    .answer(1, "first-school", "École Jules-Ferry")
                    .answer(2, "first-school", "Médor")
                    .answer(3, "first-car", "R5")
                    .saveQuestions(Agents.PASSWORD);
            assertThat(security.fieldError("question2")).isEqualTo(fr("security-questions.error.question-twice"));
            assertThat(security.fieldError("answer3")).isEqualTo(fr("security-questions.error.answer-short", 3));
            assertThat(page.locator("#question1")).hasValue("first-school");
            s.step(page, "errors");
            security.answer(1, "first-school", "École Jules-Ferry").answer(2, "first-pet", "Médor")
                    .answer(3, "first-car", "Renault").saveQuestions(Agents.PASSWORD);
            assertThat(security.notice()).isEqualTo(fr("security.notice.questions-saved"));
            assertThat(security.main()).containsText(fr("security.questions.set"));
            s.step(page, "saved");
            assertThat(questions.questionKeys(agent.id())).containsExactly("first-school", "first-pet", "first-car");
            assertThat(questions.matches(agent.id(), java.util.List.of("ecole jules ferry", "medor", "RENAULT"))).isTrue();
        }
    }

    private static String code(String text) {
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return m.group(1);
    }
}
