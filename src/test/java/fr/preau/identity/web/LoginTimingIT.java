package fr.preau.identity.web;

import fr.preau.testsupport.HttpAgent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import fr.preau.testsupport.H2Context;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the production Argon2id cost and cookie settings: a wrong password for an existing
 * account and any password for an unknown identifiant take about the same time (both cost one
 * Argon2id check).
 */
@H2Context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "preau.demo.enabled=true",
        "preau.argon2.memory-kib=19456",
        "preau.argon2.iterations=3",
        "preau.login.delay-after-failures=1000",
        "preau.login.lock-after-failures=1000",
        "preau.login.per-ip-per-minute=10000",
})
class LoginTimingIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired FirstConnection firstConnection;

    @Test
    void unknownAndKnownIdentifiersTakeSimilarTime() {
        String login = TestAgents.active(accounts, firstConnection, "Vidal", "Marius");
        HttpAgent agent = new HttpAgent(port);
        // warm up both paths
        for (int i = 0; i < 3; i++) {
            agent.login(login, "Wrong-Password-" + i, "FULL");
            agent.login("absent" + i, "Wrong-Password-" + i, "FULL");
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            known.add(timed(agent, login));
            unknown.add(timed(agent, "nobody" + i + login));
        }
        double ratio = (double) median(known) / median(unknown);
        assertThat(ratio).as("median time known/unknown (%s vs %s ns)", median(known), median(unknown))
                .isBetween(0.6, 1.6);
        assertThat(median(unknown)).as("an unknown identifiant still costs an Argon2id check").isGreaterThan(10_000_000L);
    }

    private static long timed(HttpAgent agent, String identifier) {
        agent.get("/login");
        long start = System.nanoTime();
        HttpResponse<String> response = agent.post("/login", java.util.Map.of("identifier", identifier,
                "password", "Wrong-Password-x", "interface", "FULL"));
        long elapsed = System.nanoTime() - start;
        assertThat(response.statusCode()).isEqualTo(401);
        return elapsed;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
