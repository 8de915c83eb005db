package fr.preau.portal.helpdesk.web;

import fr.preau.testsupport.HttpAgent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.web.ClientInfo;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts for the help-desk web tests, made through the administration's API (with their
 * NUMEN known to the test), and a request filed through the public form with a real proof of
 * work, as a browser would.
 */
final class Staff {

    static final String PASSWORD = "Marelle-Cerf-Volant-84!";
    /** Lycée Carnot (Côte-d'Or, 21), DSDEN de la Côte-d'Or (21), DSDEN de la Nièvre (58), rectorat de Lyon. */
    static final String CARNOT = "0210015C";
    static final String DSDEN_21 = "0211928G";
    static final String DSDEN_58 = "0581928F";
    static final String RECTORAT_LYON = "0691234S";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(300);
    private static final String LETTERS = "ABCDEFGHJKMNPRSTUVWXYZ";

    /** An account with its NUMEN. */
    record Member(long id, String login, String numen, String lastName, String firstName) {}

    private final Accounts accounts;
    private final FirstConnection firstConnection;

    Staff(Accounts accounts, FirstConnection firstConnection) {
        this.accounts = accounts;
        this.firstConnection = firstConnection;
    }

    Member pending(String lastName, String firstName, String role, String uai) {
        String numen = numen(uai.equals(RECTORAT_LYON) ? "10" : "07");
        ProvisionedAccount created = accounts.create("test", new NewAccount(lastName, firstName, numen, role, uai,
                null, null));
        return new Member(created.account().id(), created.account().login(), numen, lastName, firstName);
    }

    Member active(String lastName, String firstName, String role, String uai) {
        Member m = pending(lastName, firstName, role, uai);
        var problems = firstConnection.complete(m.id(), PASSWORD, PASSWORD, null, null, new ClientInfo("127.0.0.1", "test"));
        assertThat(problems).isEmpty();
        return m;
    }

    static String numen(String academyCode) {
        int n = SEQUENCE.incrementAndGet();
        return String.format("%sH15%05d%c%c%c", academyCode, n, LETTERS.charAt(n % 22), LETTERS.charAt((n / 22) % 22),
                LETTERS.charAt((n / 484) % 22));
    }

    /** Logs in; fails the test unless it goes through. */
    static HttpAgent signedIn(int port, String login) {
        HttpAgent agent = new HttpAgent(port);
        HttpResponse<String> response = agent.login(login, PASSWORD, "FULL");
        assertThat(response.statusCode()).as("login of " + login).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return agent;
    }

    /** The fields of a complete request form. */
    static Map<String, String> form(String lastName, String firstName, String identifier, String numen, String department) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lastName", lastName);
        fields.put("firstName", firstName);
        fields.put("identifier", identifier);
        fields.put("numen", numen);
        fields.put("department", department);
        fields.put("contactEmail", "perso." + lastName.toLowerCase() + "@example.org");
        fields.put("contactPhone", "06 12 34 56 78");
        fields.put("message", "Je ne peux plus me connecter depuis lundi.");
        return fields;
    }

    /** A real ALTCHA proof of work for a fresh challenge, as the browser computes it. */
    static String solvedChallenge(HttpAgent agent) {
        HttpResponse<String> response = agent.get("/captcha/challenge");
        try {
            Map<?, ?> challenge = JsonMapper.builder().build().readValue(response.body(), Map.class);
            Altcha.Solution solution = Altcha.solveChallenge((String) challenge.get("challenge"),
                    (String) challenge.get("salt"), Altcha.Algorithm.SHA256,
                    ((Number) challenge.get("maxnumber")).longValue(), 0);
            String json = JsonMapper.builder().build().writeValueAsString(Map.of("algorithm", challenge.get("algorithm"),
                    "challenge", challenge.get("challenge"), "number", solution.number, "salt", challenge.get("salt"),
                    "signature", challenge.get("signature")));
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files a request through the public form; returns the reference and code the next page shows. */
    static String[] file(HttpAgent agent, Map<String, String> fields) {
        agent.get("/help-desk");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("altcha", solvedChallenge(agent));
        HttpResponse<String> posted = agent.post("/help-desk", all);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        HttpResponse<String> filed = agent.follow(posted);
        assertThat(filed.statusCode()).isEqualTo(200);
        return new String[] {between(filed.body(), "id=\"reference\">", "<"), between(filed.body(), "id=\"follow-up-code\">", "<")};
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'" + start + "' in the page").isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
