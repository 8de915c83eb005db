package fr.preau.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Préau's own settings, bound from {@code preau.*} in application.yml and PREAU_* variables. */
@ConfigurationProperties("preau")
public record PreauProperties(
        Path dataDir,
        String publicUrl,
        Captcha captcha,
        Web web,
        Login login,
        Activation activation,
        Argon2 argon2) {

    public record Captcha(boolean enabled) {}

    public record Web(boolean secureCookies, Duration idleTimeout, Duration absoluteTimeout) {}

    /**
     * Brute-force defence: after {@code delayAfterFailures} failures each attempt is slowed
     * down (doubling up to {@code maxDelay}); after {@code lockAfterFailures} the subject is
     * locked for {@code lockDuration}. {@code perIpPerMinute} caps attempts from one address.
     */
    public record Login(int delayAfterFailures, Duration maxDelay, int lockAfterFailures,
                        Duration lockDuration, int perIpPerMinute) {}

    public record Activation(Duration codeValidity) {}

    public record Argon2(int memoryKib, int iterations, int parallelism) {}
}
