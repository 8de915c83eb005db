package fr.preau.admin;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The test JVM holding a data directory's H2 database open, as the server would: the admin
 * commands then reach it through H2's automatic server mode and may run side by side (with
 * nobody holding it, the first command would, and the others would lose it when it exits).
 * Also lets the test read what was written.
 */
final class H2Host implements AutoCloseable {

    private final Connection connection;

    private H2Host(Connection connection) {
        this.connection = connection;
    }

    /** The same URL as application.yml's default. */
    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("preau").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    }

    static H2Host open(Path dataDir) {
        try {
            return new H2Host(DriverManager.getConnection(url(dataDir), "preau", ""));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a query, its columns joined by " | ". */
    List<String> rows(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
