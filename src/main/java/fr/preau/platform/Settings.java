package fr.preau.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Installation-wide settings stored in the database, so that every node and the CLI see the same. */
@Component
public class Settings {

    private final JdbcClient jdbc;
    private final Clock clock;

    Settings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> get(String name) {
        return jdbc.sql("select setting_value from platform_setting where name = ?").param(name).query(String.class).optional();
    }

    @Transactional
    public void put(String name, String value) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("update platform_setting set setting_value = ?, updated_at = ? where name = ?")
                .params(value, now, name).update();
        if (updated == 0) {
            jdbc.sql("insert into platform_setting (name, setting_value, updated_at) values (?, ?, ?)")
                    .params(name, value, now).update();
        }
    }

    public void remove(String name) {
        jdbc.sql("delete from platform_setting where name = ?").param(name).update();
    }
}
