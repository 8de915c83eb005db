package fr.preau.portal.helpdesk.web;

import fr.preau.testsupport.HttpAgent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.SupportIdentity;
import fr.preau.testsupport.H2Context;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filing a help-desk request over HTTP, captcha on, and following it: the same answer whether
 * or not an account matches, errors next to their fields with everything typed kept, the NUMEN
 * kept only as the accounts' keyed hash, and a status page that only the reference with its
 * follow-up code opens (an unknown reference and a wrong code read the same).
 */
@H2Context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "preau.demo.enabled=true",
        "preau.captcha.enabled=true",
        "preau.argon2.memory-kib=1024",
        "preau.argon2.iterations=1",
})
class HelpDeskFilingHttpIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired FirstConnection firstConnection;
    @Autowired SupportIdentity identity;
    @Autowired JdbcClient jdbc;
    @Autowired fr.preau.platform.RateLimits rateLimits;
    Staff staff;

    @BeforeEach
    void setUp() {
        staff = new Staff(accounts, firstConnection);
        rateLimits.reset();
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotAnAccountMatches() {
        Staff.Member agent = staff.active("Vasseur", "Odile", "enseignant", Staff.CARNOT);
        HttpAgent known = new HttpAgent(port);
        known.get("/help-desk");
        Map<String, String> real = Staff.form("Vasseur", "Odile", agent.login(), agent.numen(), "58");
        real.put("altcha", Staff.solvedChallenge(known));
        HttpResponse<String> knownAnswer = known.post("/help-desk", real);

        HttpAgent unknown = new HttpAgent(port);
        unknown.get("/help-desk");
        Map<String, String> madeUp = Staff.form("Vasseur", "Odile", "ovasseur99", Staff.numen("07"), "58");
        madeUp.put("altcha", Staff.solvedChallenge(unknown));
        HttpResponse<String> unknownAnswer = unknown.post("/help-desk", madeUp);

        assertThat(knownAnswer.statusCode()).isEqualTo(unknownAnswer.statusCode()).isEqualTo(302);
        assertThat(knownAnswer.headers().firstValue("Location")).isEqualTo(unknownAnswer.headers().firstValue("Location"));
        String knownPage = known.follow(knownAnswer).body();
        String unknownPage = unknown.follow(unknownAnswer).body();
        assertThat(mask(knownPage)).isEqualTo(mask(unknownPage));
        assertThat(knownPage).contains("Votre demande est envoyée");

        // routed to the account's département (21), not the one chosen (58); the other to the one chosen
        String knownReference = Staff.between(knownPage, "id=\"reference\">", "<");
        String unknownReference = Staff.between(unknownPage, "id=\"reference\">", "<");
        assertThat(department(knownReference)).isEqualTo("21");
        assertThat(department(unknownReference)).isEqualTo("58");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'HELPDESK_REQUEST_FILED' and account_id = ?")
                .param(agent.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void keepsTheNumenOnlyAsTheAccountsKeyedHash() {
        Staff.Member agent = staff.active("Caron", "Agathe", "enseignant", Staff.CARNOT);
        String typed = agent.numen().substring(0, 5).toLowerCase() + " " + agent.numen().substring(5);
        String[] filed = Staff.file(new HttpAgent(port), Staff.form("Caron", "Agathe", "", typed, "21"));
        Map<String, Object> row = jdbc.sql("select * from helpdesk_request where reference = ?").param(filed[0])
                .query().singleRow();
        assertThat(row.get("numen_hash")).isEqualTo(identity.numenHash(agent.numen()).orElseThrow());
        String everything = row.values().toString() + jdbc.sql("select * from audit_event").query().listOfRows();
        assertThat(everything).doesNotContain(agent.numen()).doesNotContain(agent.numen().substring(5))
                .doesNotContain(filed[1]).doesNotContain(filed[1].replace("-", ""));
    }

    @Test
    void refusedFormsSayWhyNextToEachFieldAndKeepWhatWasTyped() {
        int before = count();
        HttpAgent agent = new HttpAgent(port);
        agent.get("/help-desk");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("lastName", "Lemoine", "firstName", "",
                "identifier", "", "numen", "07E12", "department", "", "contactEmail", "claire@ac-dijon.fr",
                "contactPhone", "12", "message", "Mon code d’activation a expiré."));
        fields.put("altcha", Staff.solvedChallenge(agent));
        HttpResponse<String> refused = agent.post("/help-desk", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Indiquez votre prénom.", "Le NUMEN compte 13 caractères",
                "Choisissez le département de votre établissement.", "Indiquez une adresse personnelle",
                "Ce numéro de téléphone n’est pas valide", "id=\"error-summary\"",
                "value=\"Lemoine\"", "value=\"07E12\"", "value=\"claire@ac-dijon.fr\"", "value=\"12\"",
                "Mon code d’activation a expiré.</textarea>", "aria-invalid=\"true\"");
        assertThat(count()).as("nothing filed").isEqualTo(before);

        HttpResponse<String> nothing = agent.post("/help-desk", Map.of("lastName", "Lemoine", "firstName", "Claire",
                "department", "21", "message", "x"));
        assertThat(nothing.body()).contains("Indiquez votre identifiant (ou votre adresse académique), ou votre NUMEN.",
                "Indiquez une adresse électronique personnelle ou un numéro de téléphone.");
    }

    @Test
    void theCaptchaIsRequiredOnceTheFormIsRight() {
        int before = count();
        HttpAgent agent = new HttpAgent(port);
        HttpResponse<String> page = agent.get("/help-desk");
        assertThat(page.body()).contains("name=\"captchaStamp\"", "Je ne suis pas un robot");
        Map<String, String> fields = Staff.form("Lemoine", "Claire", "clemoine", "", "21");
        fields.put("captchaStamp", Staff.between(page.body(), "name=\"captchaStamp\" value=\"", "\""));
        HttpResponse<String> tooFast = agent.post("/help-desk", fields);
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(tooFast.body()).contains("La vérification anti-robot n’a pas abouti", "value=\"clemoine\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theStatusPageOpensOnlyWithTheReferenceAndItsCode() {
        String[] filed = Staff.file(new HttpAgent(port), Staff.form("Texier", "Rémi", "rtexier", "", "71"));
        String reference = filed[0];
        String code = filed[1];

        HttpAgent stranger = new HttpAgent(port);
        HttpResponse<String> direct = stranger.get("/help-desk/status/" + reference);
        assertThat(direct.statusCode()).isEqualTo(302);
        assertThat(direct.headers().firstValue("Location").orElseThrow()).endsWith("/help-desk/status?reference=" + reference);
        stranger.get("/help-desk/status");
        HttpResponse<String> wrongCode = stranger.post("/help-desk/status", Map.of("reference", reference, "code", "AAAA-AAAA"));
        HttpResponse<String> unknown = stranger.post("/help-desk/status", Map.of("reference", "HD-AAAA-AAAA", "code", code));
        assertThat(wrongCode.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongCode.body()).contains("Numéro de demande ou code de suivi incorrect.").doesNotContain("Texier");
        assertThat(mask(wrongCode.body().replace(reference, "HD-AAAA-AAAA"))).isEqualTo(mask(unknown.body()));

        HttpAgent requester = new HttpAgent(port);
        requester.get("/help-desk/status");
        HttpResponse<String> opened = requester.post("/help-desk/status",
                Map.of("reference", reference.toLowerCase().replace("-", " "), "code", code.toLowerCase()));
        assertThat(opened.statusCode()).isEqualTo(302);
        HttpResponse<String> status = requester.follow(opened);
        assertThat(status.body()).contains("Demande " + reference, "Nouvelle", "Je ne peux plus me connecter depuis lundi.")
                .doesNotContain(code);

        HttpResponse<String> added = requester.post("/help-desk/status/" + reference + "/message",
                Map.of("message", "J’ai aussi perdu mon code d’activation."));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(requester.follow(added).body()).contains("Votre message a été ajouté", "J’ai aussi perdu mon code");
        HttpResponse<String> empty = requester.post("/help-desk/status/" + reference + "/message", Map.of("message", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Écrivez votre message.");
        HttpResponse<String> strangerPost = stranger.post("/help-desk/status/" + reference + "/message",
                Map.of("message", "intrus"));
        assertThat(strangerPost.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from helpdesk_entry where body = 'intrus'").query(Integer.class).single()).isZero();
    }

    @Test
    void theFormAndTheStatusPageAreReachableFromTheLoginAndHelpPages() {
        HttpAgent visitor = new HttpAgent(port);
        assertThat(visitor.get("/login").body()).contains("href=\"/help-desk\"", "Contacter l’assistance");
        assertThat(visitor.get("/help").body()).contains("href=\"/help-desk\"", "href=\"/help-desk/status\"");
        assertThat(visitor.get("/help-desk").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/help-desk/status").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/help-desk/filed").statusCode()).as("nothing filed in this session").isEqualTo(302);
    }

    @Test
    void oneAddressFilesAtMostFiveRequestsAnHour() {
        HttpAgent agent = new HttpAgent(port);
        for (int i = 0; i < 5; i++) {
            Staff.file(agent, Staff.form("Marchal", "Inès", "imarchal", "", "89"));
        }
        int before = count();
        agent.get("/help-desk");
        Map<String, String> sixth = Staff.form("Marchal", "Inès", "imarchal", "", "89");
        sixth.put("altcha", Staff.solvedChallenge(agent));
        HttpResponse<String> refused = agent.post("/help-desk", sixth);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Trop de demandes envoyées", "value=\"imarchal\"");
        assertThat(count()).isEqualTo(before);
    }

    private int count() {
        return jdbc.sql("select count(*) from helpdesk_request").query(Integer.class).single();
    }

    private String department(String reference) {
        return jdbc.sql("select d.code from helpdesk_request r join department d on d.id = r.department_id where r.reference = ?")
                .param(reference).query(String.class).single();
    }

    /** The page without what differs from one answer to another by nature: tokens, references, codes. */
    private static String mask(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
                .replaceAll("HD-[A-Z2-9]{4}-[A-Z2-9]{4}", "HD-XXXX-XXXX")
                .replaceAll("\"follow-up-code\">[A-Z2-9]{4}-[A-Z2-9]{4}<", "\"follow-up-code\">XXXX-XXXX<")
                .replaceAll("name=\"captchaStamp\" value=\"[^\"]+\"", "");
    }

}
