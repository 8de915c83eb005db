package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.FirstConnectionPage;
import fr.preau.browser.pages.FullHomePage;
import fr.preau.browser.pages.HelpPage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.SecurityEventsPage;
import fr.preau.browser.pages.SessionsPage;
import fr.preau.browser.pages.StrengthPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** French first, English second: the switch in the header, and a browser that prefers English. */
class LanguageIT extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void switchToEnglishAndEveryPageFollows(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("language-switch", viewport)) {
            Page page = s.newPage();
            LoginPage login = LoginPage.open(page);
            assertThat(login.heading()).isEqualTo("Connexion à votre messagerie");
            assertThat(page.locator(".site-nav a[hreflang=en]")).hasText("English");

            login.switchLanguage();
            s.expectLanguage("en");
            login = new LoginPage(page);
            assertThat(login.heading()).isEqualTo("Sign in to your mail");
            assertThat(page.locator(".site-nav a[hreflang=fr]")).hasText("Français");
            s.step(page, "login");

            login = login.attempt(agent.login(), "Not-the-right-one-1");
            assertThat(login.errorSummary()).contains(en("login.error.bad-credentials"));

            FullHomePage home = login.logInFull(agent.login(), Agents.PASSWORD);
            assertThat(home.heading()).isEqualTo(en("home.welcome", agent.firstName()));
            s.step(page, "home");

            SessionsPage sessions = home.openSessions();
            assertThat(sessions.heading()).isEqualTo(en("sessions.title"));
            s.step(page, "sessions");

            SecurityEventsPage events = sessions.openSecurityEvents();
            assertThat(events.heading()).isEqualTo(en("events.title"));
            assertThat(events.events()).contains(en("event.LOGIN_SUCCEEDED"), en("event.LOGIN_FAILED"));
            s.step(page, "security-events");

            HelpPage help = events.openHelp();
            assertThat(help.heading()).isEqualTo(en("help.title"));
            s.step(page, "help");

            // the choice outlives the session
            help.logout();
            assertThat(new LoginPage(page).notice()).isEqualTo(en("login.notice.logged-out"));
            FirstConnectionPage first = FirstConnectionPage.open(page);
            assertThat(first.heading()).isEqualTo(en("activation.title"));
            s.step(page, "first-connection");
            StrengthPage strength = StrengthPage.open(page);
            assertThat(strength.heading()).isEqualTo(en("strength.title"));
            strength.password().type("azerty").expectLevel(en("password.level.VERY_WEAK"));
            s.step(page, "password-strength");

            // and back to French
            strength.switchLanguage();
            s.expectLanguage("fr");
            assertThat(new StrengthPage(page).heading()).isEqualTo(fr("strength.title"));
            s.step(page, "back-to-french", false);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void englishForABrowserThatPrefersItFrenchOtherwise(Viewport viewport) {
        try (Scenario s = scenario("accept-language", viewport)) {
            s.expectLanguage("en");
            Page english = s.newPage(options -> options.setLocale("en-GB"));
            LoginPage login = LoginPage.open(english);
            assertThat(login.heading()).isEqualTo("Sign in to your mail");
            s.step(english, "english-login", false);
            assertThat(FirstConnectionPage.open(english).heading()).isEqualTo(en("activation.title"));
            assertThat(HelpPage.open(english).heading()).isEqualTo(en("help.title"));
            s.step(english, "english-help", false);

            // a language Préau does not speak: French, the default
            s.expectLanguage("fr");
            Page german = s.newPage(options -> options.setLocale("de-DE"));
            assertThat(LoginPage.open(german).heading()).isEqualTo("Connexion à votre messagerie");
            s.step(german, "other-language-login", false);
        }
    }
}
