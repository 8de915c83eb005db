package fr.preau.delivery.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the server stored, read by the test over plain JDBC (nothing added to the product):
 * on H2 through the automatic-server URL the server itself uses (while it runs, the test's
 * connection goes through it), on PostgreSQL directly. Also reads blob files under the data
 * directory, to tell a whole blob (right size, right SHA-256) from a half one.
 */
final class MailStore implements AutoCloseable {

    /** A row of {@code message}; {@code messageId} without angle brackets. */
    record StoredMessage(long id, long accountId, long mailboxId, long uid, long modseq, String blobHash, long size,
                         int flags, String messageId) {
        boolean seen() {
            return (flags & 1) != 0;
        }
    }

    /** A row of {@code mailbox} with its counters. */
    record Mailbox(long id, long accountId, String name, long uidNext, long highestModseq, int messageCount,
                   int unseenCount, long sizeBytes) {}

    /** One recipient of the outbound queue, with its message's blob. */
    record QueuedRecipient(long messageId, String blobHash, long size, String address, String status) {}

    private final Connection connection;
    private final Path blobRoot;

    private MailStore(Connection connection, Path blobRoot) {
        this.connection = connection;
        this.blobRoot = blobRoot;
    }

    /** The embedded database of {@code dataDir}, with the URL of application.yml's default. */
    static MailStore h2(Path dataDir) throws SQLException {
        return new MailStore(DriverManager.getConnection(h2Url(dataDir), "preau", ""), dataDir.resolve("blobs"));
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("preau").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    }

    static MailStore postgres(String url, String user, String password, Path dataDir) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new MailStore(DriverManager.getConnection(url, properties), dataDir.resolve("blobs"));
    }

    /** Account id by address (lower case). */
    Map<String, Long> accountsByAddress() throws SQLException {
        Map<String, Long> accounts = new LinkedHashMap<>();
        query("select id, email from account", rs -> accounts.put(rs.getString("email").toLowerCase(Locale.ROOT),
                rs.getLong("id")));
        return accounts;
    }

    List<StoredMessage> messages() throws SQLException {
        List<StoredMessage> rows = new ArrayList<>();
        query("select id, account_id, mailbox_id, uid, modseq, blob_hash, size, flags, message_id from message order by id",
                rs -> rows.add(new StoredMessage(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("mailbox_id"),
                        rs.getLong("uid"), rs.getLong("modseq"), rs.getString("blob_hash").strip(), rs.getLong("size"),
                        rs.getInt("flags"), Smtp.stripBrackets(rs.getString("message_id")))));
        return rows;
    }

    List<Mailbox> mailboxes() throws SQLException {
        List<Mailbox> rows = new ArrayList<>();
        query("select id, account_id, name, uid_next, highest_modseq, message_count, unseen_count, size_bytes from mailbox"
                        + " order by id",
                rs -> rows.add(new Mailbox(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                        rs.getLong("uid_next"), rs.getLong("highest_modseq"), rs.getInt("message_count"),
                        rs.getInt("unseen_count"), rs.getLong("size_bytes"))));
        return rows;
    }

    List<QueuedRecipient> queue() throws SQLException {
        List<QueuedRecipient> rows = new ArrayList<>();
        query("""
                select m.id, m.blob_hash, m.size, r.address, r.status
                from outbound_message m join outbound_recipient r on r.message_id = m.id order by r.id""",
                rs -> rows.add(new QueuedRecipient(rs.getLong(1), rs.getString(2).strip(), rs.getLong(3),
                        rs.getString(4), rs.getString(5))));
        return rows;
    }

    /** Queued recipients not finished yet (queued or deferred). */
    long pendingRecipients() throws SQLException {
        long[] count = new long[1];
        query("select count(*) from outbound_recipient where status in ('queued', 'deferred')", rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    /** Hashes in the {@code blob} table. */
    List<String> blobRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        query("select hash from blob", rs -> rows.add(rs.getString(1).strip()));
        return rows;
    }

    /** What is wrong with the blob file of {@code hash} for {@code size} bytes, or null when it is whole. */
    String blobProblem(String hash, long size) {
        Path file = blobRoot.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
        if (!Files.isRegularFile(file)) {
            return "blob " + hash + " missing";
        }
        try {
            long actual = Files.size(file);
            if (actual != size) {
                return "blob " + hash + " has " + actual + " bytes, the row says " + size;
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            return digest.equals(hash) ? null : "blob " + hash + " holds other bytes (SHA-256 " + digest + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }
}
