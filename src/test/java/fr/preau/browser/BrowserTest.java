package fr.preau.browser;

import com.microsoft.playwright.Browser;
import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.platform.Maintenance;
import fr.preau.platform.RateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port, with the demo académies, an in-memory H2 and a
 * temporary data directory, driven by the shared headless Chromium. Every browser test
 * class extends this one without changing the configuration, so they all share one Spring
 * context. Secure cookies stay on: Chromium accepts them on http://localhost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "preau.demo.enabled=true",
        "preau.captcha.enabled=false",
        "preau.argon2.memory-kib=1024",
        "preau.argon2.iterations=1",
        // no progressive delay (it would only slow the suite down), locked at the third failure
        "preau.login.delay-after-failures=100",
        "preau.login.lock-after-failures=3",
        "preau.login.lock-duration=15m",
        // every scenario logs in from 127.0.0.1
        "preau.login.per-ip-per-minute=100000",
        "logging.level.fr.preau=WARN",
        // free ports: another context (or a demo) may hold the default ones
        "preau.smtp.mx-port=0",
        "preau.smtp.submission-port=0",
        "preau.smtp.submissions-port=0",
        "preau.dns.mode=static",
        // small enough for a test to go over it
        "preau.mail.compose.max-message-size=2MB"
})
@ExtendWith(Chromium.Resolver.class)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    FirstConnection firstConnection;

    @Autowired
    RateLimits rateLimits;

    @Autowired
    Maintenance maintenance;

    @Autowired
    MessageSource messages;

    Browser browser;
    Agents agents;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        String database = "jdbc:h2:mem:preau-browser-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // under target/, so that "mvn clean" takes it away
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "preau-browser-");
        registry.add("spring.datasource.url", () -> database);
        registry.add("preau.data-dir", dataDir::toString);
    }

    @BeforeEach
    void openBrowser(Browser browser) {
        this.browser = browser;
        this.agents = new Agents(accounts, firstConnection);
        // address-based limits would otherwise add up over the whole suite, all from 127.0.0.1
        rateLimits.reset();
    }

    /** The French text of a message key, as the pages show it. */
    String fr(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, Locale.FRENCH);
    }

    /** The English text of a message key. */
    String en(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, Locale.ENGLISH);
    }

    Scenario scenario(String name, Viewport viewport) {
        return new Scenario(browser, "http://localhost:" + port, name, viewport);
    }
}
