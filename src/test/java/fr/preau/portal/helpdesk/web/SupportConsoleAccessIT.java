package fr.preau.portal.helpdesk.web;

import fr.preau.testsupport.HttpAgent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.platform.RateLimits;
import fr.preau.testsupport.H2Context;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may use the support console, URL by URL. A support agent of another département, a
 * plain agent, an administrator of another académie get the very page a request that does not
 * exist gets (404), for every page and every action; a visitor is sent to the login page; and
 * nothing they post changes anything. The support agent of the département and the
 * administrator of the académie get in.
 */
@H2Context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "preau.demo.enabled=true",
        "preau.captcha.enabled=true",
        "preau.argon2.memory-kib=1024",
        "preau.argon2.iterations=1",
})
class SupportConsoleAccessIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired FirstConnection firstConnection;
    @Autowired JdbcClient jdbc;
    @Autowired RateLimits rateLimits;
    Staff staff;

    @BeforeEach
    void setUp() {
        staff = new Staff(accounts, firstConnection);
        rateLimits.reset();
    }

    /** Every console URL for one request and one account: GETs, then the actions' POSTs with their fields. */
    private static List<Object[]> urls(String reference, long account, String numen) {
        String base = "/support/requests/" + reference;
        return List.of(
                new Object[] {"GET", base, Map.of()},
                new Object[] {"POST", base + "/identity-check", Map.of("account", "" + account, "numen", numen)},
                new Object[] {"POST", base + "/reset-link", Map.of("account", "" + account)},
                new Object[] {"POST", base + "/letter", Map.of("account", "" + account, "confirmReinitialisation", "true")},
                new Object[] {"POST", base + "/reply", Map.of("kind", "ANSWER", "reply", "Réglé", "status", "RESOLVED")});
    }

    @Test
    void outsidersGetTheNotFoundPageOfARequestThatDoesNotExistAndChangeNothing() {
        Staff.Member agent = staff.active("Pichon", "Maëlle", "enseignant", Staff.CARNOT);
        String reference = Staff.file(new HttpAgent(port), Staff.form("Pichon", "Maëlle", agent.login(), agent.numen(), "21"))[0];
        Staff.Member nievre = staff.active("Ferrand", "Loïc", "support", Staff.DSDEN_58);
        Staff.Member plain = staff.active("Giraud", "Anaïs", "enseignant", Staff.CARNOT);
        Staff.Member lyonAdmin = staff.active("Lacroix", "Denis", "administrateur", Staff.RECTORAT_LYON);
        String before = state(reference, agent.id());

        for (Staff.Member outsider : List.of(nievre, plain, lyonAdmin)) {
            HttpAgent http = Staff.signedIn(port, outsider.login());
            http.get("/app");
            for (Object[] url : urls(reference, agent.id(), agent.numen())) {
                HttpResponse<String> real = send(http, url);
                Object[] nowhere = url.clone();
                nowhere[1] = ((String) url[1]).replace(reference, "HD-AAAA-AAAA");
                HttpResponse<String> missing = send(http, nowhere);
                String what = outsider.login() + " " + url[0] + " " + url[1];
                assertThat(real.statusCode()).as(what).isEqualTo(404);
                assertThat(missing.statusCode()).as(what + " (no such request)").isEqualTo(404);
                assertThat(strip(real.body())).as(what).isEqualTo(strip(missing.body()))
                        .doesNotContain("Pichon").doesNotContain(agent.login());
            }
        }
        HttpAgent plainHttp = Staff.signedIn(port, plain.login());
        assertThat(plainHttp.get("/support").statusCode()).as("a plain agent has no console").isEqualTo(404);
        assertThat(plainHttp.get("/app").body()).doesNotContain("href=\"/support\"");
        HttpResponse<String> nievreList = Staff.signedIn(port, nievre.login()).get("/support");
        assertThat(nievreList.statusCode()).isEqualTo(200);
        assertThat(nievreList.body()).doesNotContain(reference).contains("Nièvre (58)");

        HttpAgent visitor = new HttpAgent(port);
        visitor.get("/login");
        for (Object[] url : urls(reference, agent.id(), agent.numen())) {
            HttpResponse<String> answer = send(visitor, url);
            assertThat(answer.statusCode()).as("visitor " + url[1]).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        assertThat(send(visitor, new Object[] {"GET", "/support", Map.of()}).statusCode()).isEqualTo(302);

        assertThat(state(reference, agent.id())).as("nothing changed").isEqualTo(before);
    }

    @Test
    void theDepartmentsSupportAgentAndTheAcademysAdministratorGetIn() {
        Staff.Member agent = staff.active("Poulain", "Mathis", "enseignant", Staff.CARNOT);
        String reference = Staff.file(new HttpAgent(port), Staff.form("Poulain", "Mathis", agent.login(), "", "21"))[0];
        Staff.Member support = staff.active("Jacob", "Sonia", "support", Staff.DSDEN_21);

        HttpAgent supportHttp = Staff.signedIn(port, support.login());
        assertThat(supportHttp.get("/app").body()).contains("href=\"/support\"");
        assertThat(supportHttp.get("/support").body()).contains(reference, "Côte-d'Or (21)");
        HttpResponse<String> page = supportHttp.get("/support/requests/" + reference);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Poulain", agent.login(), "id=\"account-" + agent.id() + "\"")
                .doesNotContain(agent.numen());

        HttpResponse<String> admin = Staff.signedIn(port, "agirard").get("/support/requests/" + reference);
        assertThat(admin.statusCode()).as("the académie's administrator").isEqualTo(200);

        // an account suspended since it signed in loses the console at its next request
        accounts.suspend("test", support.login(), "test");
        accounts.reactivate("test", support.login());
        HttpAgent again = Staff.signedIn(port, support.login());
        assertThat(again.get("/support").statusCode()).isEqualTo(200);
        jdbc.sql("update account set role = 'ENSEIGNANT' where id = ?").param(support.id()).update();
        assertThat(again.get("/support").statusCode()).as("the role is read again on every request").isEqualTo(404);
        assertThat(again.get("/support/requests/" + reference).statusCode()).isEqualTo(404);
    }

    @Test
    void aSupportAgentChecksANumenAtMostFiveTimesPerAccountInHalfAnHour() {
        Staff.Member agent = staff.active("Besson", "Lilou", "enseignant", Staff.CARNOT);
        String reference = Staff.file(new HttpAgent(port), Staff.form("Besson", "Lilou", agent.login(), "", "21"))[0];
        Staff.Member support = staff.active("Guillot", "Hervé", "support", Staff.DSDEN_21);
        HttpAgent http = Staff.signedIn(port, support.login());
        String url = "/support/requests/" + reference;
        http.get(url);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = http.post(url + "/identity-check",
                    Map.of("account", "" + agent.id(), "numen", Staff.numen("07")));
            assertThat(http.follow(wrong).body()).contains("Le NUMEN saisi ne correspond pas à ce compte.");
        }
        HttpResponse<String> sixth = http.post(url + "/identity-check", Map.of("account", "" + agent.id(), "numen", agent.numen()));
        String page = http.follow(sixth).body();
        assertThat(page).contains("Trop de vérifications pour ce compte").doesNotContain("Identité vérifiée</span>");
        HttpResponse<String> letter = http.post(url + "/letter", Map.of("account", "" + agent.id(), "confirmReinitialisation", "true"));
        assertThat(http.follow(letter).body()).as("no letter without a match").contains("Vérifiez d’abord l’identité");
        assertThat(accounts.byId(agent.id()).orElseThrow().status()).isEqualTo(fr.preau.identity.AccountStatus.ACTIVE);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'HELPDESK_IDENTITY_CHECKED' and account_id = ?"
                + " and actor = ?").params(agent.id(), support.login()).query(Integer.class).single()).isEqualTo(5);
    }

    private static HttpResponse<String> send(HttpAgent http, Object[] url) {
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) url[2];
        return "GET".equals(url[0]) ? http.get((String) url[1]) : http.post((String) url[1], fields);
    }

    /** Everything a console action could change: the request, its history, the account, its code, the audit. */
    private String state(String reference, long accountId) {
        return jdbc.sql("select status, updated_at from helpdesk_request where reference = ?").param(reference)
                .query().listOfRows()
                + " " + jdbc.sql("select count(*) from helpdesk_entry e join helpdesk_request r on r.id = e.request_id"
                + " where r.reference = ?").param(reference).query(Integer.class).single()
                + " " + jdbc.sql("select status, password_hash from account where id = ?").param(accountId).query().listOfRows()
                + " " + jdbc.sql("select count(*) from activation_code where account_id = ?").param(accountId)
                .query(Integer.class).single()
                + " " + jdbc.sql("select count(*) from audit_event where type like 'HELPDESK_%' and type <> 'HELPDESK_REQUEST_FILED'")
                .query(Integer.class).single();
    }

    /** A page without its per-session parts (CSRF token). */
    private static String strip(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
