package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.FullHomePage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.PasswordRenewalPage;
import fr.preau.browser.pages.SimpleHomePage;
import fr.preau.platform.Maintenance;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Logging in and out, into either interface, and every way a login can be refused. */
class LoginIT extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void logInToTheFullInterface(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("login-full", viewport)) {
            Page page = s.newPage();
            LoginPage login = LoginPage.open(page);
            assertThat(login.heading()).isEqualTo("Connexion à votre messagerie");
            assertThat(login.fullSelected()).isTrue();
            s.step(page, "form");

            FullHomePage home = login.logInFull(agent.login(), Agents.PASSWORD);
            assertThat(home.heading()).isEqualTo(fr("home.welcome", agent.firstName()));
            assertThat(home.signedInAs()).isEqualTo(agent.displayName());
            assertThat(home.agentCard()).contains(agent.login(), "Lycée Carnot");
            s.step(page, "home");

            // the session cookie is Secure and HttpOnly, and Chromium keeps it on http://localhost
            Cookie session = page.context().cookies().stream()
                    .filter(c -> c.name.equals("PREAU_SESSION")).findFirst().orElseThrow();
            assertThat(session.secure).isTrue();
            assertThat(session.httpOnly).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void logInToTheSimplifiedInterfaceWhichIsRememberedNextTime(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("login-simplified", viewport)) {
            Page page = s.newPage();
            SimpleHomePage home = LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            assertThat(home.heading()).isEqualTo(fr("home.welcome", agent.firstName()));
            assertThat(home.scriptCount()).isZero();
            s.step(page, "home");

            // next visit: the simplified interface is already chosen
            LoginPage again = home.logout();
            assertThat(again.simplifiedSelected()).isTrue();
            assertThat(again.fullSelected()).isFalse();
            s.step(page, "remembered", false);

            // and the other way round
            again.logInFull(agent.login(), Agents.PASSWORD).logout();
            assertThat(LoginPage.open(page).fullSelected()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void logInToTheSimplifiedInterfaceWithoutJavaScript(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("login-simplified-nojs", viewport)) {
            Page page = s.newPage(options -> options.setJavaScriptEnabled(false));
            LoginPage login = LoginPage.open(page);
            s.step(page, "form");
            SimpleHomePage home = login.logInSimplified(agent.login(), Agents.PASSWORD);
            assertThat(home.heading()).isEqualTo(fr("home.welcome", agent.firstName()));
            assertThat(home.agentCard()).contains(agent.login());
            s.step(page, "home");
            home.logout();
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void wrongPasswordReadsTheSameAsAnUnknownIdentifiant(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("login-wrong-password", viewport)) {
            Page page = s.newPage();
            LoginPage wrong = LoginPage.open(page).attempt(agent.login(), "Pas-le-bon-mot-de-passe-1");
            String forKnown = wrong.errorSummary();
            assertThat(forKnown).contains("Identifiant ou mot de passe incorrect.");
            assertThat(wrong.identifierValue()).isEqualTo(agent.login());
            assertThat(wrong.passwordValue()).isEmpty();
            s.step(page, "known-identifiant");

            LoginPage unknown = LoginPage.open(page).attempt("inconnu" + viewport.label(), "Pas-le-bon-mot-de-passe-1");
            assertThat(unknown.errorSummary()).isEqualTo(forKnown);
            assertThat(unknown.failure()).isEmpty();
            s.step(page, "unknown-identifiant", false);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void lockedAfterRepeatedFailuresWithTheDuration(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("login-lockout", viewport)) {
            Page page = s.newPage();
            LoginPage login = LoginPage.open(page);
            login = login.attempt(agent.login(), "Essai-1-incorrect!");
            login = login.attempt(agent.login(), "Essai-2-incorrect!");
            assertThat(login.failure()).isEmpty();
            login = login.attempt(agent.login(), "Essai-3-incorrect!");
            assertThat(login.failure())
                    .contains(fr("login.locked.title"))
                    .containsPattern("bloquée pendant 15 min \\(jusqu’à \\d{2}:\\d{2}\\)");
            s.step(page, "locked");

            // even the right password is refused until the lock runs out
            login = login.attempt(agent.login(), Agents.PASSWORD);
            assertThat(login.failure()).contains(fr("login.locked.title"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void suspendedAccountShowsTheHelpDeskOfItsDepartment(Viewport viewport) {
        Agent agent = agents.suspended();
        try (Scenario s = scenario("login-suspended", viewport)) {
            Page page = s.newPage();
            LoginPage login = LoginPage.open(page).attempt(agent.login(), Agents.PASSWORD);
            assertThat(login.failure()).contains(fr("login.suspended.title"), Agents.DEPARTMENT);
            assertThat(login.helpDeskPhone()).hasText(Agents.HELP_DESK_PHONE);
            assertThat(login.helpDeskPhone()).hasAttribute("href", "tel:" + Agents.HELP_DESK_PHONE.replace(" ", ""));
            s.step(page, "refused");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void accountNotYetActivatedLeadsToTheFirstConnection(Viewport viewport) {
        Agent agent = agents.pending();
        try (Scenario s = scenario("login-not-activated", viewport)) {
            Page page = s.newPage();
            LoginPage login = LoginPage.open(page).attempt(agent.login(), "Nimporte-quoi-123!");
            assertThat(login.failure()).contains(fr("login.not-activated.title"));
            s.step(page, "refused");
            assertThat(login.goToFirstConnection().heading()).isEqualTo(fr("activation.title"));
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void expiredPasswordIsRenewedThenHome(Viewport viewport) {
        Agent agent = agents.passwordExpired();
        try (Scenario s = scenario("login-expired-password", viewport)) {
            Page page = s.newPage();
            PasswordRenewalPage renewal = LoginPage.open(page).logInExpectingRenewal(agent.login(), Agents.PASSWORD);
            assertThat(renewal.heading()).isEqualTo(fr("renewal.title"));
            s.step(page, "renewal-form");

            // the old password again is refused
            renewal.password().type(Agents.PASSWORD).confirm(Agents.PASSWORD);
            renewal = renewal.submitRefused();
            assertThat(renewal.errorSummary()).contains(fr("password.error.same-as-before"));
            s.step(page, "same-as-before");

            String fresh = "Girafe-Piano-Nuage-27?";
            renewal.password().type(fresh).expectLevel(fr("password.level.GOOD"), fr("password.level.STRONG")).confirm(fresh);
            FullHomePage home = renewal.renew();
            assertThat(home.heading()).isEqualTo(fr("home.welcome", agent.firstName()));
            s.step(page, "home", false);

            // the new password is the one that works now
            LoginPage login = home.logout();
            assertThat(login.logInFull(agent.login(), fresh).heading()).isEqualTo(fr("home.welcome", agent.firstName()));
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void logOut(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("logout", viewport)) {
            Page page = s.newPage();
            FullHomePage home = LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            LoginPage login = home.logout();
            assertThat(login.notice()).isEqualTo(fr("login.notice.logged-out"));
            assertThat(login.signedInAs()).isNull();
            s.step(page, "logged-out");

            // the interface is closed: back to the login page
            page.navigate("/app");
            new LoginPage(page);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void maintenanceBannerThenClosedLogins(Viewport viewport) {
        Agent agent = agents.active();
        try (Scenario s = scenario("login-maintenance", viewport)) {
            Page page = s.newPage();
            maintenance.set(Maintenance.Mode.BANNER, "Intervention technique ce soir de 20 h à 22 h.",
                    "Maintenance tonight from 8 to 10 pm.");
            LoginPage login = LoginPage.open(page);
            assertThat(login.maintenanceBanner()).containsText("Intervention technique ce soir");
            s.step(page, "banner");

            maintenance.set(Maintenance.Mode.CLOSED, "Mise à jour du service en cours.", "");
            login = login.attempt(agent.login(), Agents.PASSWORD);
            assertThat(login.failure()).contains(fr("login.maintenance.title"), "Mise à jour du service en cours.");
            s.step(page, "closed");
        } finally {
            maintenance.set(Maintenance.Mode.OFF, null, null);
        }
    }
}
