package fr.preau.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests use: by default {@code 127.0.0.1:5432}, user
 * {@code postgres}, trust authentication, as on the development machines. Each test gets its
 * own database {@code preau_test_<random>}, created through the maintenance database and
 * dropped afterwards (with a JVM shutdown hook as a safety net for tests that forget).
 *
 * <p>Overridable with system properties: {@code preau.test.postgres.url} (the maintenance
 * database's JDBC URL), {@code preau.test.postgres.user}, {@code preau.test.postgres.password}.
 */
public final class PostgresServer {

    /** The system property that turns PostgreSQL tests off when {@code false}. */
    public static final String SWITCH = "preau.test.postgres";

    private static final String ADMIN_URL =
            System.getProperty("preau.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("preau.test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("preau.test.postgres.password", "");
    private static final Pattern NAME = Pattern.compile("preau_test_[a-z0-9_]{1,40}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String name : Set.copyOf(LIVE)) {
                try {
                    drop(name);
                } catch (RuntimeException ignored) {
                    // best effort at exit
                }
            }
        }, "drop-preau-test-databases"));
    }

    private PostgresServer() {}

    /** Whether the PostgreSQL tests are on (they are unless {@code -Dpreau.test.postgres=false}). */
    public static boolean enabled() {
        return !System.getProperty(SWITCH, "true").trim().matches("(?i)false|no|off");
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /** The JDBC URL of a database on the server. */
    public static String url(String database) {
        int slash = ADMIN_URL.lastIndexOf('/');
        int query = ADMIN_URL.indexOf('?', slash);
        return ADMIN_URL.substring(0, slash + 1) + database + (query < 0 ? "" : ADMIN_URL.substring(query));
    }

    /** Creates an empty database with a fresh random name and returns the name. */
    public static String createDatabase() {
        String name = "preau_test_" + HexFormat.of().formatHex(randomBytes(8));
        execute("create database " + name);
        LIVE.add(name);
        return name;
    }

    /** Drops a database made by {@link #createDatabase()}, closing any connection still open to it. */
    public static void drop(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a test database: " + name);
        }
        execute("drop database if exists " + name + " with (force)");
        LIVE.remove(name);
    }

    /** Whether a database of that name exists on the server. */
    public static boolean databaseExists(String name) {
        try (Connection connection = adminConnection();
             var statement = connection.prepareStatement("select count(*) from pg_database where datname = ?")) {
            statement.setString(1, name);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused \"" + sql + "\": " + e.getMessage(), e);
        }
    }

    private static Connection adminConnection() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(ADMIN_URL, properties);
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    PostgreSQL is not reachable at %s as user '%s' (%s).
                    Start it with 'pg_ctlcluster --skip-systemctl-redirect 15 main start', point the tests elsewhere
                    with -Dpreau.test.postgres.url=..., or run without the PostgreSQL tests: -Dpreau.test.postgres=false"""
                    .formatted(ADMIN_URL, USER, e.getMessage()), e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
