package fr.preau.browser;

import com.microsoft.playwright.Browser;
import fr.preau.delivery.internal.outbound.SmtpSink;
import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.platform.Maintenance;
import fr.preau.platform.RateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        "preau.mail.compose.max-message-size=2MB",
        // the outbound queue looks for work every second (mail to backup addresses reaches OUTSIDE soon)
        "preau.delivery.poll-interval=1s",
        // two-factor authentication required only in Lyon (TwoFactorIT), so that the other scenarios'
        // support agents and administrators of Dijon sign in with their password alone
        "preau.two-factor.required-roles=",
        "preau.two-factor.academies.lyon.required-roles=SUPPORT, ADMINISTRATEUR"
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

    /**
     * The Internet, as far as these tests go: every message to a remote address (a backup address)
     * is relayed by the outbound queue to this SMTP sink; {@link #outsideMail} reads it.
     */
    static final SmtpSink OUTSIDE = SmtpSink.start();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        registry.add("preau.delivery.smarthost.host", () -> "127.0.0.1");
        registry.add("preau.delivery.smarthost.port", OUTSIDE::port);
        registry.add("preau.delivery.smarthost.tls", () -> "starttls-opportunistic");
        registry.add("preau.delivery.smarthost.verify-certificate", () -> "false");
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

    /**
     * The text (headers and decoded body) of the latest message relayed to the Internet for
     * {@code address} after {@code after} messages to it, waiting up to 20 s for the queue.
     */
    static String outsideMail(String address, int after) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            List<SmtpSink.Transaction> to = outsideMailTo(address);
            if (to.size() > after) {
                return decoded(to.getLast().data());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no mail reached " + address + " (" + to.size() + " before)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The messages relayed so far to {@code address}. */
    static List<SmtpSink.Transaction> outsideMailTo(String address) {
        return OUTSIDE.transactions().stream()
                .filter(t -> t.recipients().stream().anyMatch(r -> r.equalsIgnoreCase(address))).toList();
    }

    private static String decoded(byte[] data) {
        try {
            var message = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(data));
            return "Subject: " + message.getSubject() + "\n\n" + message.getContent();
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new AssertionError(e);
        }
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
