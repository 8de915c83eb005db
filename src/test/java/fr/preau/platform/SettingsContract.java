package fr.preau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class SettingsContract extends DatabaseContract {

    private final MutableClock clock = MutableClock.start();
    private Settings settings;

    @BeforeEach
    void setUp() {
        settings = PlatformFactory.settings(db.jdbc(), clock);
    }

    @Test
    void readsNothingForAnUnknownName() {
        assertThat(settings.get("nothing")).isEmpty();
    }

    @Test
    void insertsThenUpdatesInPlace() {
        settings.put("maintenance.mode", "BANNER");
        assertThat(settings.get("maintenance.mode")).contains("BANNER");
        clock.advance(Duration.ofMinutes(5));
        settings.put("maintenance.mode", "CLOSED");
        assertThat(settings.get("maintenance.mode")).contains("CLOSED");
        assertThat(db.count("platform_setting")).isEqualTo(1);
        assertThat(db.jdbc().sql("select updated_at from platform_setting")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single())
                .isEqualTo(MutableClock.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void keepsLongAndAccentedValues() {
        String text = "Maintenance prévue de 12 h à 14 h — merci de votre patience. ".repeat(40);
        settings.put("maintenance.message.fr", text);
        assertThat(settings.get("maintenance.message.fr")).contains(text);
    }

    @Test
    void removes() {
        settings.put("a", "1");
        settings.put("b", "2");
        settings.remove("a");
        settings.remove("never-set");
        assertThat(settings.get("a")).isEmpty();
        assertThat(settings.get("b")).contains("2");
    }

    @Test
    void maintenanceIsStoredForEveryNode() {
        Maintenance here = PlatformFactory.maintenance(settings, clock);
        Maintenance otherNode = PlatformFactory.maintenance(PlatformFactory.settings(db.jdbc(), clock), clock);
        assertThat(otherNode.status()).isEqualTo(Maintenance.Status.OFF);

        here.set(Maintenance.Mode.CLOSED, "Fermé pour maintenance", "");
        Maintenance.Status status = here.status();
        assertThat(status.loginsRefused()).isTrue();
        assertThat(status.message(Locale.FRENCH)).isEqualTo("Fermé pour maintenance");
        assertThat(status.message(Locale.ENGLISH)).as("falls back to French").isEqualTo("Fermé pour maintenance");

        assertThat(otherNode.status().mode()).as("cached for a few seconds").isEqualTo(Maintenance.Mode.OFF);
        clock.advance(Duration.ofSeconds(4));
        assertThat(otherNode.status().mode()).isEqualTo(Maintenance.Mode.CLOSED);

        here.set(Maintenance.Mode.BANNER, "Bannière", "Banner");
        assertThat(here.status().loginsRefused()).isFalse();
        assertThat(here.status().active()).isTrue();
        assertThat(here.status().message(Locale.ENGLISH)).isEqualTo("Banner");

        here.set(Maintenance.Mode.OFF, null, null);
        assertThat(here.status()).isEqualTo(Maintenance.Status.OFF);
        assertThat(settings.get("maintenance.mode")).isEmpty();
    }
}
