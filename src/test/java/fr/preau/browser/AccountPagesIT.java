package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.FullHomePage;
import fr.preau.browser.pages.HelpPage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.SecurityEventsPage;
import fr.preau.browser.pages.SessionsPage;
import fr.preau.browser.pages.StrengthPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The signed-in agent's own pages ("Mes sessions", "Dernières connexions"), help, and the strength tester. */
class AccountPagesIT extends BrowserTest {

    /** Another device of the same agent: Firefox on an Android phone. */
    private static final String OTHER_DEVICE =
            "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void closeAnotherSessionWhichIsSentBackToLogin(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("sessions", viewport)) {
            Page here = s.newPage();
            Page other = s.newPage(options -> options.setUserAgent(OTHER_DEVICE));
            LoginPage.open(other).logInFull(agent.login(), Agents.PASSWORD);
            FullHomePage home = LoginPage.open(here).logInFull(agent.login(), Agents.PASSWORD);

            SessionsPage sessions = home.openSessions();
            assertThat(sessions.heading()).isEqualTo(fr("sessions.title"));
            assertThat(sessions.rows()).hasCount(2);
            assertThat(sessions.currentRow()).hasCount(1);
            assertThat(sessions.otherRows()).containsText("Firefox · Android");
            s.step(here, "two-sessions");

            sessions = sessions.closeOtherSession();
            assertThat(sessions.notice()).isEqualTo(fr("sessions.notice.closed"));
            assertThat(sessions.rows()).hasCount(1);
            assertThat(sessions.currentRow()).hasCount(1);
            s.step(here, "closed");

            // the other device is signed out at its next click, and told why
            other.reload();
            LoginPage login = new LoginPage(other);
            assertThat(login.signedInAs()).isNull();
            assertThat(login.page().locator("main")).containsText(fr("login.notice.expired"));
            s.step(other, "other-device-signed-out", false);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void securityEventsListTheAgentsOwnHistory(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("security-events", viewport)) {
            Page page = s.newPage();
            LoginPage login = LoginPage.open(page).attempt(agent.login(), "Pas-le-bon-mot-de-passe-1");
            SecurityEventsPage events = login.logInFull(agent.login(), Agents.PASSWORD).openSecurityEvents();
            assertThat(events.heading()).isEqualTo(fr("events.title"));
            assertThat(events.events()).containsSubsequence(fr("event.LOGIN_SUCCEEDED"), fr("event.LOGIN_FAILED"),
                    fr("event.ACCOUNT_ACTIVATED"), fr("event.ACCOUNT_CREATED"));
            assertThat(page.locator("main table")).containsText("Chrome");
            s.step(page, "list");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void helpForEveryoneAndTheAgentsOwnHelpDesks(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("help", viewport)) {
            Page page = s.newPage();
            HelpPage help = HelpPage.open(page);
            assertThat(help.heading()).isEqualTo(fr("help.title"));
            assertThat(help.tocLinks()).hasCount(9);
            assertThat(help.contacts()).containsText("Académie de Dijon");
            s.step(page, "anonymous");

            help = LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD).openHelp();
            assertThat(help.contacts().locator(".helpdesk").first()).containsText(Agents.DEPARTMENT);
            assertThat(help.contacts().locator(".helpdesk").first()).containsText(Agents.HELP_DESK_PHONE);
            // the other académies are the others
            assertThat(help.contacts().locator("details summary"))
                    .hasText(new String[] {"Académie d'Aix-Marseille", "Académie de Lyon"});
            s.step(page, "signed-in");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void passwordStrengthTesterLiveAndWithoutJavaScript(Viewport viewport) {
        try (Scenario s = scenario("password-strength", viewport)) {
            Page page = s.newPage();
            StrengthPage tester = StrengthPage.open(page);
            assertThat(tester.heading()).isEqualTo(fr("strength.title"));
            tester.password().type("azerty").expectLevel(fr("password.level.VERY_WEAK"));
            s.step(page, "live");

            Page plain = s.newPage(options -> options.setJavaScriptEnabled(false));
            StrengthPage form = StrengthPage.open(plain).test("Tartine-Volcan-Hibou-62!");
            assertThat(form.level()).hasText(java.util.regex.Pattern.compile(
                    fr("password.level.GOOD") + "|" + fr("password.level.STRONG")));
            s.step(plain, "no-javascript", false);
        }
    }
}
