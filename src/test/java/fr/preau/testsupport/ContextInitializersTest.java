package fr.preau.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The context initializers on a small Spring Boot context (data source, Flyway, JdbcClient only). */
class ContextInitializersTest {

    /** Not a @Configuration, so that no component scan ever picks it up. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class Storage {}

    private static ConfigurableApplicationContext start(ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
        return new SpringApplicationBuilder(Storage.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .initializers(initializer).run();
    }

    @Test
    void h2ContextsGetTheirOwnMigratedDatabaseAndDataDirectory() {
        Path dataDir;
        try (ConfigurableApplicationContext one = start(new H2ContextInitializer());
             ConfigurableApplicationContext two = start(new H2ContextInitializer())) {
            String url = one.getEnvironment().getProperty("spring.datasource.url");
            assertThat(url).startsWith("jdbc:h2:mem:preau_ctx_").contains(TestDatabase.H2_OPTIONS)
                    .isNotEqualTo(two.getEnvironment().getProperty("spring.datasource.url"));
            JdbcClient jdbc = one.getBean(JdbcClient.class);
            jdbc.sql("insert into platform_setting (name, setting_value, updated_at) values ('x', 'y', current_timestamp)")
                    .update();
            assertThat(two.getBean(JdbcClient.class).sql("select count(*) from platform_setting").query(Integer.class)
                    .single()).isZero();
            dataDir = Path.of(one.getEnvironment().getProperty("preau.data-dir"));
            assertThat(dataDir).isDirectory();
            assertThat(one.getEnvironment().getProperty("preau.argon2.memory-kib")).as("test configuration over application.yml")
                    .isEqualTo("64");
            assertThat(one.getEnvironment().getProperty("preau.login.max-delay")).isEqualTo("PT0S");
        }
        assertThat(Files.exists(dataDir)).as("data directory removed with the context").isFalse();
    }

    @Test
    @PostgresTest
    void postgresContextsGetADatabaseDroppedWithTheContext() {
        String name;
        Path dataDir;
        try (ConfigurableApplicationContext context = start(new PostgresContextInitializer())) {
            name = context.getEnvironment().getProperty(DatabaseContextInitializer.DATABASE_NAME);
            dataDir = Path.of(context.getEnvironment().getProperty("preau.data-dir"));
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(name);
            assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();
            assertThat(PostgresServer.databaseExists(name)).isTrue();
        }
        assertThat(PostgresServer.databaseExists(name)).as("dropped when the context closed").isFalse();
        assertThat(Files.exists(dataDir)).isFalse();
    }
}
