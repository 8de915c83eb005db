package fr.preau.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes committed transactions durable before they are acknowledged (SMTP {@code 250}, IMAP
 * {@code APPEND OK}). PostgreSQL has already fsynced its WAL at commit: nothing to do. The
 * embedded H2 keeps commits in memory up to half a second (its background writer also compacts
 * the file, so it stays on): here a {@code CHECKPOINT SYNC} writes them to the file and fsyncs
 * it, so an acknowledged message survives a killed process and a power cut.
 */
@Component
public class Durability {

    private final DataSource dataSource;
    private volatile Boolean h2;

    Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Durability of(DataSource dataSource) {
        return new Durability(dataSource);
    }

    /** Makes every committed transaction durable; call it after the commit, before acknowledging. */
    public void flushCommits() {
        try (Connection connection = dataSource.getConnection()) {
            if (isH2(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("checkpoint sync");
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot make the commit durable", e);
        }
    }

    private boolean isH2(Connection connection) throws SQLException {
        Boolean known = h2;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            h2 = known;
        }
        return known;
    }
}
