package fr.preau.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void h2DatabasesAreFreshMigratedAndSeparate() {
        try (TestDatabase one = TestDatabase.h2(); TestDatabase two = TestDatabase.h2()) {
            assertThat(one.url()).contains("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH");
            one.jdbc().sql("insert into platform_setting (name, setting_value, updated_at) values ('a', 'b', current_timestamp)")
                    .update();
            assertThat(one.count("platform_setting")).isEqualTo(1);
            assertThat(two.count("platform_setting")).isZero();
            assertThat(one.migrate()).as("nothing left to migrate").isZero();
        }
    }

    @Test
    @PostgresTest
    void postgresDatabasesAreCreatedForTheTestAndDroppedAfterwards() {
        String name;
        try (TestDatabase db = TestDatabase.postgres()) {
            name = db.name();
            assertThat(name).matches("preau_test_[0-9a-f]{16}");
            assertThat(db.jdbc().sql("select current_database()").query(String.class).single()).isEqualTo(name);
            assertThat(db.count("account")).isZero();
        }
        try (TestDatabase other = TestDatabase.postgres()) {
            assertThat(other.jdbc().sql("select count(*) from pg_database where datname = ?").param(name)
                    .query(Integer.class).single()).as("dropped on close").isZero();
        }
    }

    @Test
    void postgresTestsAreOnUnlessTurnedOff() {
        assertThat(PostgresServer.enabled())
                .isEqualTo(!"false".equalsIgnoreCase(System.getProperty(PostgresServer.SWITCH, "true")));
    }
}
