package fr.preau.identity.web;

import fr.preau.testsupport.HttpAgent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import fr.preau.testsupport.H2Context;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Idle and absolute session timeouts, shortened to seconds for the test. */
@H2Context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "preau.demo.enabled=true",
        "preau.web.idle-timeout=3s",
        "preau.web.absolute-timeout=6s",
        "preau.argon2.memory-kib=1024",
        "preau.argon2.iterations=1",
})
class SessionTimeoutIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired FirstConnection firstConnection;

    @Test
    void anIdleSessionEnds() throws InterruptedException {
        HttpAgent agent = signedIn("Lacroix", "Romane");
        Thread.sleep(4_500);
        HttpResponse<String> after = agent.get("/app");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login?notice=expired");
        assertThat(agent.follow(after).body()).contains("Votre session a expiré");
    }

    @Test
    void anActiveSessionEndsAfterTheAbsoluteTimeout() throws InterruptedException {
        HttpAgent agent = signedIn("Bonnet", "Jules");
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1_500);
            assertThat(agent.get("/app").statusCode()).as("still active after %s s", (i + 1) * 1.5).isEqualTo(200);
        }
        Thread.sleep(2_000);
        HttpResponse<String> after = agent.get("/app");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login?notice=expired");
    }

    private HttpAgent signedIn(String lastName, String firstName) {
        String login = TestAgents.active(accounts, firstConnection, lastName, firstName);
        HttpAgent agent = new HttpAgent(port);
        assertThat(agent.login(login, TestAgents.PASSWORD, "FULL").statusCode()).isEqualTo(302);
        assertThat(agent.get("/app").statusCode()).isEqualTo(200);
        return agent;
    }
}
