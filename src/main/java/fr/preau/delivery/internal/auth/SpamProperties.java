package fr.preau.delivery.internal.auth;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The spam verdict ({@code preau.spam.*}): from {@code threshold} on a message is spam (to
 * Junk); from {@code reject-threshold}, when set, it is refused at the SMTP level. With
 * {@code rspamd-url} (e.g. {@code http://127.0.0.1:11333}) rspamd decides, within
 * {@code rspamd-timeout}, and the built-in rules stand in when it does not answer.
 */
@ConfigurationProperties("preau.spam")
public record SpamProperties(
        @DefaultValue("5.0") double threshold,
        Double rejectThreshold,
        URI rspamdUrl,
        @DefaultValue("10s") Duration rspamdTimeout) {

    public SpamProperties {
        if (rejectThreshold != null && rejectThreshold < threshold) {
            throw new IllegalArgumentException("preau.spam.reject-threshold must not be below preau.spam.threshold");
        }
    }

    public static SpamProperties defaults() {
        return new SpamProperties(5.0, null, null, Duration.ofSeconds(10));
    }
}
