package fr.preau.identity.web;

import fr.preau.testsupport.HttpAgent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.SecretKeys;
import fr.preau.tenancy.Tenancy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import fr.preau.testsupport.H2Context;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first connection over HTTP, captcha on: without JavaScript (time-stamp path) and with a
 * real proof of work computed here as the browser would; then the password step, its
 * field-level errors, and the login that follows.
 */
@H2Context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "preau.demo.enabled=true",
        "preau.captcha.enabled=true",
        "preau.argon2.memory-kib=1024",
        "preau.argon2.iterations=1",
})
class FirstConnectionHttpIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Tenancy tenancy;
    @Autowired SecretKeys keys;

    @Test
    void aFreshFormWithoutProofIsRefusedButAnOldEnoughOneWithoutJavaScriptGoesThrough() {
        ProvisionedAccount account = TestAgents.pending(accounts, "Arnaud", "Clara");
        HttpAgent agent = new HttpAgent(port);
        HttpResponse<String> page = agent.get("/first-connection");
        assertThat(page.body()).contains("Je ne suis pas un robot", "name=\"captchaStamp\"", "<noscript>");
        String freshStamp = field(page.body(), "captchaStamp");
        HttpResponse<String> tooFast = agent.post("/first-connection", Map.of("identifier", account.account().login(),
                "proof", account.activationCode(), "captchaStamp", freshStamp));
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(tooFast.body()).contains("La vérification anti-robot n’a pas abouti");

        HttpResponse<String> slowHuman = agent.post("/first-connection", Map.of("identifier", account.account().login(),
                "proof", account.activationCode(), "captchaStamp", stampIssuedSecondsAgo(30)));
        assertThat(slowHuman.statusCode()).isEqualTo(302);
        assertThat(slowHuman.headers().firstValue("Location").orElseThrow()).endsWith("/first-connection/password");
    }

    @Test
    void aRealProofOfWorkIsAcceptedOnceAndTheAccountGetsActivated() throws Exception {
        ProvisionedAccount account = TestAgents.pending(accounts, "Baron", "Élise");
        HttpAgent agent = new HttpAgent(port);
        agent.get("/first-connection");
        String proof = solvedChallenge(agent);

        HttpResponse<String> wrongCode = agent.post("/first-connection", Map.of("identifier", account.account().login(),
                "proof", "AAAA-BBBB-CCCC", "altcha", solvedChallenge(agent)));
        assertThat(wrongCode.statusCode()).isEqualTo(401);
        assertThat(wrongCode.body()).contains("Identifiant ou code d’activation incorrect.");

        HttpResponse<String> step1 = agent.post("/first-connection", Map.of("identifier", account.account().login(),
                "proof", account.activationCode().toLowerCase().replace("-", " "), "altcha", proof));
        assertThat(step1.statusCode()).as("code typed in lower case with spaces").isEqualTo(302);
        HttpResponse<String> replay = new HttpAgent(port).post("/first-connection", Map.of(
                "identifier", account.account().login(), "proof", account.activationCode(), "altcha", proof));
        assertThat(replay.statusCode()).as("a proof is redeemed once").isIn(400, 403);

        HttpResponse<String> form = agent.follow(step1);
        assertThat(form.body()).contains("Bonjour Élise Baron", "Votre mot de passe doit", "contenir au moins 12 caractères");
        HttpResponse<String> bad = agent.post("/first-connection/password", Map.of("password", "elise-baron-2026",
                "confirmation", "different", "backupEmail", "elise@ac-dijon.fr", "mobile", "0123"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Le mot de passe doit contenir une lettre majuscule.",
                "ne doit contenir ni votre nom", "La confirmation ne correspond pas",
                "L’adresse de secours doit être une adresse personnelle", "Numéro de mobile invalide",
                "value=\"elise@ac-dijon.fr\"", "value=\"0123\"").doesNotContain("elise-baron-2026");

        HttpResponse<String> done = agent.post("/first-connection/password", Map.of("password", "Boussole-Jardin-Neige-58!",
                "confirmation", "Boussole-Jardin-Neige-58!", "backupEmail", "elise.baron@example.org",
                "mobile", "07 98 76 54 32"));
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .endsWith("/login?notice=activated&identifier=" + account.account().login());
        var activated = accounts.byLogin(account.account().login()).orElseThrow();
        assertThat(activated.backupEmail()).isEqualTo("elise.baron@example.org");
        assertThat(activated.mobile()).isEqualTo("+33798765432");
        assertThat(new HttpAgent(port).login(account.account().login(), "Boussole-Jardin-Neige-58!", "FULL")
                .statusCode()).isEqualTo(302);

        HttpAgent again = new HttpAgent(port);
        again.get("/first-connection");
        HttpResponse<String> reuse = again.post("/first-connection", Map.of("identifier", account.account().login(),
                "proof", account.activationCode(), "altcha", solvedChallenge(again)));
        assertThat(reuse.statusCode()).as("the code was single-use").isEqualTo(401);
    }

    @Test
    void theNumenWorksWhenTheAcademieAllowsIt() throws Exception {
        String numen = TestAgents.numen();
        var created = accounts.create("test", new fr.preau.identity.NewAccount("Colin", "Hélène", numen, "enseignant",
                "0210015C", null, null));
        HttpAgent agent = new HttpAgent(port);
        agent.get("/first-connection");
        HttpResponse<String> ok = agent.post("/first-connection", Map.of("identifier", created.account().login(),
                "proof", numen.substring(0, 5) + " " + numen.substring(5).toLowerCase(), "altcha", solvedChallenge(agent)));
        assertThat(ok.statusCode()).isEqualTo(302);

        var dijon = tenancy.academy("dijon").orElseThrow();
        tenancy.updateAcademy("test", new fr.preau.tenancy.Academy(dijon.id(), dijon.code(), dijon.name(),
                dijon.mailDomain(), dijon.numenCode(), dijon.helpDesk(), false, dijon.passwordMinLength(),
                dijon.passwordMaxAgeDays()));
        try {
            HttpAgent other = new HttpAgent(port);
            other.get("/first-connection");
            HttpResponse<String> refused = other.post("/first-connection", Map.of("identifier", created.account().login(),
                    "proof", numen, "altcha", solvedChallenge(other)));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Activation par NUMEN non disponible", "03 53 73 00 21")
                    .doesNotContain(numen);
        } finally {
            tenancy.updateAcademy("test", dijon);
        }
    }

    private String solvedChallenge(HttpAgent agent) throws Exception {
        HttpResponse<String> response = agent.get("/captcha/challenge");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Map<?, ?> challenge = JsonMapper.builder().build().readValue(response.body(), Map.class);
        Altcha.Solution solution = Altcha.solveChallenge((String) challenge.get("challenge"), (String) challenge.get("salt"),
                Altcha.Algorithm.SHA256, ((Number) challenge.get("maxnumber")).longValue(), 0);
        String json = JsonMapper.builder().build().writeValueAsString(Map.of("algorithm", challenge.get("algorithm"),
                "challenge", challenge.get("challenge"), "number", solution.number, "salt", challenge.get("salt"),
                "signature", challenge.get("signature")));
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String stampIssuedSecondsAgo(long seconds) {
        String issued = Long.toString(java.time.Instant.now().getEpochSecond() - seconds);
        return issued + "." + keys.hmacHex("captcha-stamp", issued);
    }

    private static String field(String body, String name) {
        var m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
