package fr.preau.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Maintenance mode set by an administrator: {@link Mode#BANNER} shows a message on every
 * page and lets everyone in; {@link Mode#CLOSED} also refuses logins (administrators
 * excepted, so that they can check the service). The message is given in French and,
 * optionally, in English.
 */
@Component
public class Maintenance {

    public enum Mode { OFF, BANNER, CLOSED }

    public record Status(Mode mode, String messageFr, String messageEn) {
        public static final Status OFF = new Status(Mode.OFF, "", "");

        public boolean active() {
            return mode != Mode.OFF;
        }

        public boolean loginsRefused() {
            return mode == Mode.CLOSED;
        }

        public String message(Locale locale) {
            return "en".equals(locale.getLanguage()) && !messageEn.isBlank() ? messageEn : messageFr;
        }
    }

    private static final Duration CACHE = Duration.ofSeconds(3);
    private final Settings settings;
    private final Clock clock;
    private volatile Status cached;
    private volatile Instant cachedAt = Instant.MIN;

    Maintenance(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Status status() {
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cachedAt.plus(CACHE))) {
            cached = load();
            cachedAt = now;
        }
        return cached;
    }

    public void set(Mode mode, String messageFr, String messageEn) {
        if (mode == Mode.OFF) {
            settings.remove("setting.maintenance.mode");
        } else {
            settings.put("setting.maintenance.mode", mode.name());
            settings.put("setting.maintenance.message.fr", messageFr == null ? "" : messageFr);
            settings.put("setting.maintenance.message.en", messageEn == null ? "" : messageEn);
        }
        cached = null;
    }

    private Status load() {
        return settings.get("setting.maintenance.mode")
                .map(mode -> new Status(Mode.valueOf(mode),
                        settings.get("setting.maintenance.message.fr").orElse(""),
                        settings.get("setting.maintenance.message.en").orElse("")))
                .orElse(Status.OFF);
    }
}
