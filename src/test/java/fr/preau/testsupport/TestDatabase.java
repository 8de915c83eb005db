package fr.preau.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh, Flyway-migrated database for one test: an in-memory H2 with the production URL
 * options, or a new PostgreSQL database on the test server, dropped on {@link #close()}.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.h2()) {          // or TestDatabase.postgres()
 *     new Settings(db.jdbc(), clock) ...
 * }
 * }</pre>
 *
 * PostgreSQL tests should be annotated {@link PostgresTest} so that
 * {@code -Dpreau.test.postgres=false} turns them off; an unreachable server fails them.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Engine { H2, POSTGRESQL }

    /** The options production uses for H2 (see application.yml), without the file-only ones. */
    public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final Engine engine;
    private final String name;
    private final String url;
    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSourceTransactionManager transactionManager;

    private TestDatabase(Engine engine, String name, String url, String user, String password) {
        this.engine = engine;
        this.name = name;
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setPoolName("test-" + name);
        this.dataSource = new HikariDataSource(config);
        this.template = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(template);
        this.transactionManager = new DataSourceTransactionManager(dataSource);
    }

    public static TestDatabase h2() {
        return create(Engine.H2);
    }

    public static TestDatabase postgres() {
        return create(Engine.POSTGRESQL);
    }

    /** A fresh database of the given engine with every migration applied. */
    public static TestDatabase create(Engine engine) {
        TestDatabase db = createEmpty(engine);
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A fresh database without the schema (to test the migrations themselves). */
    public static TestDatabase createEmpty(Engine engine) {
        return switch (engine) {
            case H2 -> {
                String name = "preau_test_" + UUID.randomUUID().toString().replace("-", "");
                // DB_CLOSE_DELAY=-1: the database lives until close(), whatever the pool does
                yield new TestDatabase(engine, name, h2Url(name) + ";DB_CLOSE_DELAY=-1", "sa", "");
            }
            case POSTGRESQL -> {
                String name = PostgresServer.createDatabase();
                try {
                    yield new TestDatabase(engine, name, PostgresServer.url(name), PostgresServer.user(),
                            PostgresServer.password());
                } catch (RuntimeException e) {
                    PostgresServer.drop(name);
                    throw e;
                }
            }
        };
    }

    /** An in-memory H2 URL with production's options. */
    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";" + H2_OPTIONS;
    }

    /** Applies the migrations of {@code src/main/resources/db/migration}; returns how many ran. */
    public int migrate() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                .migrate().migrationsExecuted;
    }

    public Engine engine() {
        return engine;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public JdbcTemplate template() {
        return template;
    }

    public DataSourceTransactionManager transactionManager() {
        return transactionManager;
    }

    /** Runs {@code work} in one transaction (services built by hand have no transactional proxy). */
    public TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    /**
     * Deletes every row of every table but Flyway's history, children before parents, so that
     * the database can serve the next test as if fresh (identity counters go on). Much faster
     * on PostgreSQL than creating a database or truncating.
     */
    public void empty() {
        List<String> order = deletionOrder();
        for (String table : order) {
            jdbc.sql("delete from " + table).update();
        }
    }

    private List<String> deletionOrder() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Map<String, Set<String>> parents = new LinkedHashMap<>();
            try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    if (!table.equalsIgnoreCase("flyway_schema_history")) {
                        parents.put(table, new HashSet<>());
                    }
                }
            }
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), schema, table.getKey())) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME");
                        if (!parent.equals(table.getKey())) {
                            table.getValue().add(parent);
                        }
                    }
                }
            }
            // children first: a table goes once no remaining table refers to it
            List<String> order = new ArrayList<>();
            Set<String> remaining = new LinkedHashSet<>(parents.keySet());
            while (!remaining.isEmpty()) {
                String next = remaining.stream()
                        .filter(t -> remaining.stream().noneMatch(child -> parents.get(child).contains(t)))
                        .findFirst().orElseThrow(() -> new IllegalStateException("foreign key cycle among " + remaining));
                order.add(next);
                remaining.remove(next);
            }
            return order;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema of " + this, e);
        }
    }

    /** Number of rows of a table (for assertions). */
    public int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Override
    public void close() {
        if (engine == Engine.H2 && !dataSource.isClosed()) {
            try {
                jdbc.sql("shutdown").update();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        dataSource.close();
        if (engine == Engine.POSTGRESQL) {
            PostgresServer.drop(name);
        }
    }

    @Override
    public String toString() {
        return engine + " " + name;
    }
}
