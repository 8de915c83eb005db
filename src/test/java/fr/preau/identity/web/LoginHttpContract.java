package fr.preau.identity.web;

import fr.preau.testsupport.HttpAgent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.Maintenance;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login and session rules seen over real HTTP, as a browser without JavaScript sees them:
 * CSRF, headers and cookies, the answers to each kind of failure, locks, expired passwords,
 * maintenance, sessions and logout. Run on H2 ({@link LoginHttpH2IT}) and on PostgreSQL
 * ({@link LoginHttpPostgresIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "preau.demo.enabled=true",
        "preau.web.secure-cookies=true",
        "preau.captcha.enabled=false",
        "preau.argon2.memory-kib=1024",
        "preau.argon2.iterations=1",
        "preau.login.delay-after-failures=100",
        "preau.login.lock-after-failures=4",
        "preau.login.per-ip-per-minute=10000",
})
abstract class LoginHttpContract {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired FirstConnection firstConnection;
    @Autowired Maintenance maintenance;

    @AfterEach
    void noMaintenance() {
        maintenance.set(Maintenance.Mode.OFF, null, null);
    }

    @Test
    void pagesCarryStrictSecurityHeadersAndAreFrenchByDefault() {
        HttpResponse<String> login = new HttpAgent(port).get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "frame-ancestors 'none'", "form-action 'self'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.body()).contains("<html lang=\"fr\">", "Connexion à votre messagerie")
                .doesNotContain("<script>", "style=\"", "onclick");
        HttpResponse<String> english = new HttpAgent(port, "en-GB,en;q=0.9").get("/login");
        assertThat(english.body()).contains("<html lang=\"en\">", "Sign in to your mail");
    }

    @Test
    void aFormWithoutItsTokenIsRefusedWithAReadableMessage() {
        HttpAgent agent = new HttpAgent(port);
        agent.get("/login");
        HttpResponse<String> response = agent.post("/login", Map.of("_csrf", "forged", "identifier", "x", "password", "y"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Cette page a expiré").doesNotContain("Exception", "at org.");
    }

    @Test
    void loginGivesANewSessionIdAndProtectedCookies() {
        String login = TestAgents.active(accounts, firstConnection, "Rousseau", "Amélie");
        HttpAgent agent = new HttpAgent(port);
        HttpResponse<String> page = agent.get("/login");
        String before = agent.sessionCookie();
        assertThat(before).as("the login form's CSRF token lives in a session").isNotNull();
        HttpResponse<String> response = agent.post("/login", Map.of("identifier", login, "password", TestAgents.PASSWORD,
                "interface", "FULL"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/app");
        assertThat(agent.sessionCookie()).isNotEqualTo(before);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("PREAU_SESSION=").contains("HttpOnly", "Secure", "SameSite=Lax"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("preau_ui=FULL").contains("HttpOnly"));
        HttpResponse<String> home = agent.get("/app");
        assertThat(home.body()).contains("Bonjour Amélie", "Lycée Carnot", "Académie de Dijon", "Côte-d'Or");
        assertThat(page.body()).doesNotContain(TestAgents.PASSWORD);
    }

    @Test
    void theAddressWorksAsWellAsTheIdentifiantAndTheInterfaceIsRemembered() {
        String login = TestAgents.active(accounts, firstConnection, "Faure", "Bastien");
        String email = accounts.byLogin(login).orElseThrow().email();
        HttpAgent agent = new HttpAgent(port);
        HttpResponse<String> response = agent.login(email.toUpperCase(), TestAgents.PASSWORD, "SIMPLIFIED");
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/simple");
        assertThat(agent.get("/simple").body()).contains("Bonjour Bastien").doesNotContain("<script");
        agent.post("/logout", Map.of());
        assertThat(agent.get("/login").body()).contains("value=\"SIMPLIFIED\" checked");
    }

    @Test
    void wrongCredentialsReadTheSameWhetherOrNotTheAccountExists() {
        String login = TestAgents.active(accounts, firstConnection, "Garnier", "Chloé");
        HttpResponse<String> known = new HttpAgent(port).login(login, "Wrong-Password-123!", "FULL");
        HttpResponse<String> unknown = new HttpAgent(port).login("zz" + login + "zz", "Wrong-Password-123!", "FULL");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
        assertThat(errorBlock(known.body())).isEqualTo(errorBlock(unknown.body()))
                .contains("Identifiant ou mot de passe incorrect.");
    }

    @Test
    void repeatedFailuresLockTheAccountAndSayForHowLong_unknownIdentifiersToo() {
        String login = TestAgents.active(accounts, firstConnection, "Chevalier", "Louis");
        for (String identifier : List.of(login, "nobody-" + login)) {
            HttpAgent agent = new HttpAgent(port);
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = agent.login(identifier, "Wrong-Password-" + i, "FULL");
            }
            assertThat(last.statusCode()).isEqualTo(423);
            assertThat(last.body()).contains("Connexion temporairement bloquée", "pendant 15 min");
            HttpResponse<String> evenRight = agent.login(identifier, TestAgents.PASSWORD, "FULL");
            assertThat(evenRight.statusCode()).as("locked even with the right password").isEqualTo(423);
        }
        accounts.unlock("test", login);
        assertThat(new HttpAgent(port).login(login, TestAgents.PASSWORD, "FULL").statusCode()).isEqualTo(302);
    }

    @Test
    void aPendingAccountIsSentToTheFirstConnection() {
        ProvisionedAccount pending = TestAgents.pending(accounts, "Lemoine", "Inès");
        HttpResponse<String> response = new HttpAgent(port).login(pending.account().login(), "anything", "FULL");
        assertThat(response.body()).contains("Ce compte n’est pas encore activé", "href=\"/first-connection\"");
    }

    @Test
    void aSuspendedAccountIsToldWhomToCall_onlyWithTheRightPassword() {
        String login = TestAgents.active(accounts, firstConnection, "Roux", "Mathis");
        accounts.suspend("test", login, "test");
        HttpResponse<String> wrong = new HttpAgent(port).login(login, "Wrong-Password-123!", "FULL");
        assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect.").doesNotContain("suspendu");
        HttpResponse<String> right = new HttpAgent(port).login(login, TestAgents.PASSWORD, "FULL");
        assertThat(right.statusCode()).isEqualTo(403);
        assertThat(right.body()).contains("Ce compte est suspendu", "Côte-d'Or", "03 53 73 00 21", "08:30");
    }

    @Test
    void suspendingEndsOpenSessions() {
        String login = TestAgents.active(accounts, firstConnection, "Blanc", "Zoé");
        HttpAgent agent = new HttpAgent(port);
        agent.login(login, TestAgents.PASSWORD, "FULL");
        assertThat(agent.get("/app").statusCode()).isEqualTo(200);
        accounts.suspend("test", login, "test");
        HttpResponse<String> after = agent.get("/app");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void anExpiredPasswordMustBeRenewedBeforeGoingOn() {
        String login = TestAgents.active(accounts, firstConnection, "Henry", "Gabriel");
        accounts.expirePassword("test", login);
        HttpAgent agent = new HttpAgent(port);
        HttpResponse<String> response = agent.login(login, TestAgents.PASSWORD, "FULL");
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/password/renew");
        assertThat(agent.get("/app").statusCode()).as("not signed in yet").isEqualTo(302);
        HttpResponse<String> form = agent.get("/password/renew");
        assertThat(form.body()).contains("Votre mot de passe a expiré", "Gabriel Henry");
        HttpResponse<String> same = agent.post("/password/renew", Map.of("password", TestAgents.PASSWORD,
                "confirmation", TestAgents.PASSWORD));
        assertThat(same.body()).contains("Choisissez un mot de passe différent de l’ancien.");
        HttpResponse<String> weak = agent.post("/password/renew", Map.of("password", "gabriel2024",
                "confirmation", "gabriel2024"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("au moins 12 caractères", "ni votre nom");
        HttpResponse<String> done = agent.post("/password/renew", Map.of("password", "Horloge-Sapin-Rivière-31?",
                "confirmation", "Horloge-Sapin-Rivière-31?"));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/app");
        assertThat(agent.get("/app").statusCode()).isEqualTo(200);
        assertThat(new HttpAgent(port).login(login, TestAgents.PASSWORD, "FULL").statusCode()).isEqualTo(401);
        assertThat(new HttpAgent(port).login(login, "Horloge-Sapin-Rivière-31?", "FULL").statusCode()).isEqualTo(302);
    }

    @Test
    void maintenanceShowsABannerOrClosesLoginsButForAdministrators() {
        String agentLogin = TestAgents.active(accounts, firstConnection, "Perrin", "Lucas");
        maintenance.set(Maintenance.Mode.BANNER, "Intervention ce soir de 20 h à 22 h.", "Work tonight 8-10 pm.");
        HttpAgent agent = new HttpAgent(port);
        assertThat(agent.get("/login").body()).contains("Intervention ce soir de 20 h à 22 h.");
        assertThat(agent.login(agentLogin, TestAgents.PASSWORD, "FULL").statusCode()).isEqualTo(302);
        assertThat(agent.get("/app").body()).contains("Intervention ce soir");

        maintenance.set(Maintenance.Mode.CLOSED, "Migration en cours.", "");
        HttpResponse<String> refused = new HttpAgent(port).login(agentLogin, TestAgents.PASSWORD, "FULL");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("Service en maintenance", "Migration en cours.");
        HttpResponse<String> admin = new HttpAgent(port).login("agirard", "Marelle-Cerf-Volant-84!", "FULL");
        assertThat(admin.statusCode()).as("administrators may still sign in").isEqualTo(302);
    }

    @Test
    void sessionsAreListedAndOneCanBeClosedFromAnother() {
        String login = TestAgents.active(accounts, firstConnection, "Mercier", "Léna");
        HttpAgent phone = new HttpAgent(port);
        phone.login(login, TestAgents.PASSWORD, "SIMPLIFIED");
        HttpAgent desktop = new HttpAgent(port);
        desktop.login(login, TestAgents.PASSWORD, "FULL");
        String page = desktop.get("/account/sessions").body();
        assertThat(page).contains("Mes sessions", "Firefox · Linux", "Cette session");
        var handles = java.util.regex.Pattern.compile("name=\"handle\" value=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
        assertThat(handles).hasSize(2);
        // the current session is listed first; close the other one
        HttpResponse<String> closed = desktop.post("/account/sessions/close", Map.of("handle", handles.get(1)));
        assertThat(closed.headers().firstValue("Location").orElseThrow()).contains("notice=closed");
        assertThat(phone.get("/simple").statusCode()).isEqualTo(302);
        assertThat(desktop.get("/app").statusCode()).isEqualTo(200);
        // another agent's handle closes nothing
        HttpAgent stranger = new HttpAgent(port);
        stranger.login(TestAgents.active(accounts, firstConnection, "Fontaine", "Paul"), TestAgents.PASSWORD, "FULL");
        stranger.get("/account/sessions");
        stranger.post("/account/sessions/close", Map.of("handle", handles.get(0)));
        assertThat(desktop.get("/app").statusCode()).isEqualTo(200);
        assertThat(desktop.get("/account/security-events").body())
                .contains("Dernières connexions", "Connexion réussie", "Session fermée");
    }

    @Test
    void logoutEndsTheSession() {
        String login = TestAgents.active(accounts, firstConnection, "Gauthier", "Nina");
        HttpAgent agent = new HttpAgent(port);
        agent.login(login, TestAgents.PASSWORD, "FULL");
        agent.get("/app");
        HttpResponse<String> out = agent.post("/logout", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?notice=logout");
        assertThat(agent.get("/app").statusCode()).isEqualTo(302);
        assertThat(agent.get("/login?notice=logout").body()).contains("Vous êtes déconnecté");
    }

    @Test
    void emptyFieldsGetFieldLevelMessagesAndKeepWhatWasTyped() {
        HttpAgent agent = new HttpAgent(port);
        agent.get("/login");
        HttpResponse<String> response = agent.post("/login", Map.of("identifier", "jdupont", "password", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Saisissez votre mot de passe.", "value=\"jdupont\"",
                "aria-describedby=\"password-error\"", "aria-invalid=\"true\"");
    }

    private static String errorBlock(String body) {
        int start = body.indexOf("<div class=\"alert alert--error\"");
        return start < 0 ? "" : body.substring(start, body.indexOf("</div>", start));
    }
}
