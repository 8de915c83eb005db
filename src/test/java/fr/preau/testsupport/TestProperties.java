package fr.preau.testsupport;

import fr.preau.platform.PreauProperties;
import fr.preau.platform.SecretKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration tests run with: cheap Argon2id, no login delays (the lock thresholds stay
 * real), a generous per-address login limit, cookies without {@code Secure} (tests talk plain
 * HTTP). The same values serve objects built by hand ({@link #properties()}) and Spring
 * contexts ({@link #springProperties()}, applied by {@link H2ContextInitializer} and
 * {@link PostgresContextInitializer}).
 */
public final class TestProperties {

    /** Lock after 5 failures for 15 minutes; delays from the 3rd failure on, but capped at zero. */
    public static final PreauProperties.Login LOGIN =
            new PreauProperties.Login(3, Duration.ZERO, 5, Duration.ofMinutes(15), 1000);
    public static final PreauProperties.Argon2 ARGON2 = new PreauProperties.Argon2(64, 1, 1);
    public static final Duration CODE_VALIDITY = Duration.ofDays(30);

    /** A fixed master key, so that tests built by hand need no data directory. */
    public static final String SECRET_KEY = Base64.getEncoder()
            .encodeToString("preau-test-master-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private TestProperties() {}

    public static PreauProperties properties() {
        return properties(LOGIN);
    }

    public static PreauProperties properties(PreauProperties.Login login) {
        return new PreauProperties(Path.of("target", "test-data"), "http://localhost:8080",
                new PreauProperties.Captcha(true),
                new PreauProperties.Web(false, Duration.ofMinutes(30), Duration.ofHours(12)),
                login, new PreauProperties.Activation(CODE_VALIDITY), ARGON2);
    }

    /** The same with the captcha turned on or off. */
    public static PreauProperties withCaptcha(PreauProperties p, boolean enabled) {
        return new PreauProperties(p.dataDir(), p.publicUrl(), new PreauProperties.Captcha(enabled), p.web(),
                p.login(), p.activation(), p.argon2());
    }

    /** Secret keys from {@link #SECRET_KEY}. */
    public static SecretKeys secretKeys() {
        return new SecretKeys(properties(), SECRET_KEY);
    }

    /**
     * The {@code preau.*} properties of a test Spring context (the database and data directory
     * are added by the initializers). A test overrides any of them with
     * {@code @SpringBootTest(properties = ...)} or {@code @TestPropertySource}.
     */
    public static Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("preau.argon2.memory-kib", ARGON2.memoryKib());
        p.put("preau.argon2.iterations", ARGON2.iterations());
        p.put("preau.argon2.parallelism", ARGON2.parallelism());
        p.put("preau.login.delay-after-failures", LOGIN.delayAfterFailures());
        p.put("preau.login.max-delay", LOGIN.maxDelay().toString());
        p.put("preau.login.lock-after-failures", LOGIN.lockAfterFailures());
        p.put("preau.login.lock-duration", LOGIN.lockDuration().toString());
        p.put("preau.login.per-ip-per-minute", LOGIN.perIpPerMinute());
        p.put("preau.web.secure-cookies", false);
        p.put("preau.public-url", "http://localhost:${server.port:8080}");
        // several test contexts may be alive at once: free ports, and no DNS of the Internet
        p.put("preau.smtp.mx-port", 0);
        p.put("preau.smtp.submission-port", 0);
        p.put("preau.smtp.submissions-port", 0);
        p.put("preau.smtp.hostname", "mx.preau.test");
        p.put("preau.dns.mode", "static");
        // support agents and administrators sign in with their password alone, unless a test asks
        // for two-factor authentication (docs/adr/0026; the default requires it of them)
        p.put("preau.two-factor.required-roles", "");
        return p;
    }
}
