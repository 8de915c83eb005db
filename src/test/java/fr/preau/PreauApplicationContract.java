package fr.preau;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.ActivationResult;
import fr.preau.identity.Authentication;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.InterfaceChoice;
import fr.preau.identity.LoginResult;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.Captcha;
import fr.preau.platform.CaptchaSolver;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.AcademyDraft;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import fr.preau.tenancy.Uai;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application started on a test database (H2 or PostgreSQL, per subclass): the
 * schema is migrated, the platform's endpoints answer over HTTP, and an account goes from
 * provisioning to first connection to login through the real, transactional beans.
 * Other test classes may share the context: data here gets unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PreauApplicationContract {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired Tenancy tenancy;
    @Autowired Accounts accounts;
    @Autowired FirstConnection firstConnection;
    @Autowired Authentication authentication;
    @Autowired Captcha captcha;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsOnAMigratedTestDatabase() {
        assertThat(jdbc.sql("select version from flyway_schema_history where success and type = 'SQL' order by installed_rank")
                .query(String.class).list()).startsWith("1", "2", "3");
        assertThat(Files.exists(Path.of(environment.getProperty("preau.data-dir"), "secret.key"))).isTrue();
    }

    @Test
    void answersHealthChecks() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/some/private/page");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void servesCaptchaChallengesThatCanBeSolvedOnce() throws Exception {
        HttpResponse<String> response = get("/captcha/challenge");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        @SuppressWarnings("unchecked")
        Map<String, Object> challenge = JsonMapper.builder().build().readValue(response.body(), Map.class);
        String payload = CaptchaSolver.solve(challenge);
        assertThat(captcha.verify(payload, null, "192.0.2.1")).isTrue();
        assertThat(captcha.verify(payload, null, "192.0.2.1")).isFalse();
    }

    @Test
    void provisionsActivatesAndLogsInAnAgent() {
        String code = "test-" + IntStream.range(0, 8).mapToObj(i -> String.valueOf((char) ('a' + ThreadLocalRandom.current().nextInt(26))))
                .reduce("", String::concat);
        String numenCode = IntStream.range(10, 100).mapToObj(Integer::toString)
                .filter(c -> tenancy.academies().stream().noneMatch(a -> a.numenCode().equals(c))).findFirst().orElseThrow();
        HelpDesk desk = new HelpDesk("03 80 44 84 00", "Mo-Fr 08:00-17:00", null);
        tenancy.createAcademy("it", new AcademyDraft(code, "Académie " + code, code + ".example.fr", numenCode, desk));
        String department = tenancy.department("21").isPresent() ? "21" : null;
        if (department == null) {
            tenancy.createDepartment("it", code, "21", "Côte-d'Or", desk);
            department = "21";
        }
        String digits = "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
        String uai = digits + Uai.checkLetter(digits);
        if (tenancy.establishment(uai).isEmpty()) {
            tenancy.createEstablishment("it", department, uai, "Lycée de test", "Dijon");
        }
        String numen = numenCode + "E94" + "%05dABC".formatted(ThreadLocalRandom.current().nextInt(100_000));
        ProvisionedAccount created = accounts.create("it", new NewAccount("Testeur", "Camille", numen, "enseignant",
                uai, null, null));
        String login = created.account().login();
        assertThat(login).startsWith("ctesteur");

        ClientInfo client = new ClientInfo("192.0.2.1", "IT");
        ActivationResult ticket = firstConnection.verify(login, created.activationCode(), FirstConnection.Method.CODE, client);
        assertThat(ticket).isInstanceOf(ActivationResult.Ticket.class);
        assertThat(firstConnection.complete(created.account().id(), "Vx7#Kq2!mRb9@Lz4", "Vx7#Kq2!mRb9@Lz4", null, null,
                client)).isEmpty();
        assertThat(authentication.authenticate(login, "Vx7#Kq2!mRb9@Lz4", InterfaceChoice.FULL, client))
                .isInstanceOf(LoginResult.Success.class);
    }
}
