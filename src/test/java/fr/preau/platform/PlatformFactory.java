package fr.preau.platform;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds the platform's components by hand (their constructors are package-private). */
public final class PlatformFactory {

    private PlatformFactory() {}

    public static AuditLog auditLog(JdbcClient jdbc, Clock clock) {
        return new AuditLog(jdbc, clock);
    }

    public static Settings settings(JdbcClient jdbc, Clock clock) {
        return new Settings(jdbc, clock);
    }

    public static Maintenance maintenance(Settings settings, Clock clock) {
        return new Maintenance(settings, clock);
    }

    public static Captcha captcha(PreauProperties properties, SecretKeys keys, JdbcClient jdbc, Clock clock,
                                  RateLimits rateLimits) {
        return new Captcha(properties, keys, jdbc, clock, rateLimits);
    }
}
