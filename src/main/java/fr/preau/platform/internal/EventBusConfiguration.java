package fr.preau.platform.internal;

import fr.preau.platform.EventBus;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** LISTEN/NOTIFY on PostgreSQL, shared by all nodes; in-process on the embedded H2. */
@Configuration(proxyBeanMethods = false)
class EventBusConfiguration {

    @Bean
    EventBus eventBus(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        if (isPostgres(dataSource)) {
            return new PostgresEventBus(jdbc, dataSource);
        }
        return new LocalEventBus();
    }

    private static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }
}
