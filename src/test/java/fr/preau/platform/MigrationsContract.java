package fr.preau.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.testsupport.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Flyway migrations, written once for H2 (MODE=PostgreSQL) and PostgreSQL, apply cleanly
 * on both, and the SQL idioms the repositories rely on behave the same on both.
 */
abstract class MigrationsContract {

    protected abstract TestDatabase.Engine engine();

    @Test
    void applyCleanlyOnAnEmptyDatabaseAndOnlyOnce() {
        try (TestDatabase db = TestDatabase.createEmpty(engine())) {
            int files = migrationFiles();
            assertThat(db.migrate()).isEqualTo(files);
            Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load();
            assertThat(flyway.info().all()).as("every migration applied").hasSize(files)
                    .allSatisfy(i -> assertThat(i.getState()).isEqualTo(MigrationState.SUCCESS))
                    .extracting(i -> Integer.parseInt(i.getVersion().getVersion())).isSorted().doesNotHaveDuplicates();
            flyway.validate();
            assertThat(db.migrate()).isZero();
        }
    }

    private static int migrationFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void createEveryTable() {
        try (TestDatabase db = TestDatabase.create(engine())) {
            List<String> tables = db.jdbc().sql("""
                    select table_name from information_schema.tables
                    where lower(table_schema) = 'public' and table_name <> 'flyway_schema_history'""")
                    .query(String.class).list();
            assertThat(tables).containsExactlyInAnyOrder("platform_setting", "audit_event", "spring_session",
                    "spring_session_attributes", "captcha_redeemed", "academy", "department", "establishment",
                    "account", "activation_code", "login_throttle", "security_answer", "password_history", "one_time_code", "sms_outbox", "blob", "mailbox", "mail_thread", "message",
                    "message_expunged", "mail_account", "mail_academy_quota", "search_backlog", "dkim_key", "outbound_message", "outbound_recipient", "submission_usage",
                    // V9, web mail settings; V10, web mail compose
                    "mail_settings", "mail_trusted_sender", "mail_upload", "mail_recipient",
                    // V13, help desk
                    "helpdesk_request", "helpdesk_entry",
                    // V14, two-factor authentication
                    "two_factor", "two_factor_recovery_code", "two_factor_trusted_browser", "app_password");
        }
    }

    @Test
    void keepDefaultsAndConstraints() {
        try (TestDatabase db = TestDatabase.create(engine())) {
            JdbcClient jdbc = db.jdbc();
            insertAcademy(jdbc, "dijon", "ac-dijon.fr", "07");
            assertThat(jdbc.sql("select numen_activation_allowed, password_min_length, password_max_age_days from academy")
                    .query((rs, n) -> List.of(rs.getBoolean(1), rs.getInt(2), String.valueOf(rs.getObject(3))))
                    .single()).containsExactly(true, 12, "null");
            assertThatThrownBy(() -> insertAcademy(jdbc, "dijon", "ac-other.fr", "08"))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> jdbc.sql("""
                    insert into department (academy_id, code, name, helpdesk_phone, helpdesk_hours)
                    values (999, '21', 'Côte-d''Or', '0380000000', 'Mo 08:00-12:00')""").update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Test
    void keepTheInstantOfTimestampsWithTimeZone() {
        try (TestDatabase db = TestDatabase.create(engine())) {
            OffsetDateTime paris = OffsetDateTime.parse("2026-03-29T03:30:15.123456+02:00");
            db.jdbc().sql("insert into platform_setting (name, setting_value, updated_at) values ('t', 'x', ?)")
                    .param(paris).update();
            OffsetDateTime read = db.jdbc().sql("select updated_at from platform_setting")
                    .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
            assertThat(read.toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:15.123456Z"));
            assertThat(read.withOffsetSameInstant(ZoneOffset.UTC)).isEqualTo(paris.withOffsetSameInstant(ZoneOffset.UTC));
        }
    }

    @Test
    void sortNullsLastAndTypeNullParametersAlike() {
        try (TestDatabase db = TestDatabase.create(engine())) {
            JdbcClient jdbc = db.jdbc();
            insertAcademy(jdbc, "a", "ac-a.fr", "01");
            insertAcademy(jdbc, "b", "ac-b.fr", "02");
            insertAcademy(jdbc, "c", "ac-c.fr", "03");
            jdbc.sql("update academy set password_max_age_days = 90 where code = 'b'").update();
            jdbc.sql("update academy set password_max_age_days = 30 where code = 'c'").update();
            // DEFAULT_NULL_ORDERING=HIGH makes H2 sort like PostgreSQL: nulls last when ascending
            assertThat(jdbc.sql("select code from academy order by password_max_age_days").query(String.class).list())
                    .containsExactly("c", "b", "a");
            // "cast(? as varchar) is null" is how optional filters are written
            assertThat(jdbc.sql("select count(*) from academy where (cast(? as varchar) is null or code = ?)")
                    .params(null, null).query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from academy where (cast(? as bigint) is null or id = ?)")
                    .params(-1L, -1L).query(Integer.class).single()).isZero();
        }
    }

    @Test
    void escapeLikeWithABackslashByDefault() {
        try (TestDatabase db = TestDatabase.create(engine())) {
            JdbcClient jdbc = db.jdbc();
            insertAcademy(jdbc, "a_b", "ac-a.fr", "01");
            insertAcademy(jdbc, "axb", "ac-b.fr", "02");
            assertThat(jdbc.sql("select code from academy where code like ?").param("a\\_b").query(String.class).list())
                    .containsExactly("a_b");
        }
    }

    static void insertAcademy(JdbcClient jdbc, String code, String domain, String numenCode) {
        jdbc.sql("""
                insert into academy (code, name, mail_domain, numen_code, helpdesk_phone, helpdesk_hours, created_at)
                values (?, ?, ?, ?, '0380000000', 'Mo-Fr 08:00-17:00', current_timestamp)""")
                .params(code, "Académie " + code, domain, numenCode).update();
    }
}
