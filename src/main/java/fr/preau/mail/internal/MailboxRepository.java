package fr.preau.mail.internal;

import fr.preau.mail.Folder;
import fr.preau.mail.FolderRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code mailbox} table: folders, their IMAP counters and their message counters. */
@Repository
public class MailboxRepository {

    private static final String COLUMNS = """
            id, account_id, name, parent_id, role, uid_validity, uid_next, highest_modseq, message_count,
            unseen_count, size_bytes, subscribed""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public MailboxRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Folder> ofAccount(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from mailbox where account_id = ?").param(accountId)
                .query(MailboxRepository::map).list();
    }

    public Optional<Folder> byId(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from mailbox where id = ? and account_id = ?").params(id, accountId)
                .query(MailboxRepository::map).optional();
    }

    /** Reads a folder and locks its row until the transaction ends (UID and MODSEQ allocation). */
    public Optional<Folder> lock(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from mailbox where id = ? and account_id = ? for update")
                .params(id, accountId).query(MailboxRepository::map).optional();
    }

    public Optional<Folder> byName(long accountId, String name) {
        return jdbc.sql("select " + COLUMNS + " from mailbox where account_id = ? and name = ?").params(accountId, name)
                .query(MailboxRepository::map).optional();
    }

    public Optional<Folder> byRole(long accountId, FolderRole role) {
        return jdbc.sql("select " + COLUMNS + " from mailbox where account_id = ? and role = ?")
                .params(accountId, role.name()).query(MailboxRepository::map).optional();
    }

    public int roleCount(long accountId) {
        return jdbc.sql("select count(*) from mailbox where account_id = ? and role is not null").param(accountId)
                .query(Integer.class).single();
    }

    /** Inserts a folder unless one of that name (or role) exists; returns whether it did. */
    public boolean insertIfAbsent(long accountId, String name, Long parentId, FolderRole role, long uidValidity) {
        return jdbc.sql("""
                        insert into mailbox (account_id, name, parent_id, role, uid_validity, uid_next, highest_modseq,
                                             subscribed, created_at)
                        values (?, ?, ?, ?, ?, 1, 1, true, ?) on conflict do nothing""")
                .params(accountId, name, parentId, role == null ? null : role.name(), uidValidity, OffsetDateTime.now(clock))
                .update() == 1;
    }

    /**
     * Reserves {@code count} UIDs and one new MODSEQ in a folder and adds to its counters, in the
     * caller's transaction (the row stays locked until it ends, so UIDs are handed out in commit
     * order). Returns the folder as updated: the UIDs are {@code uidNext - count .. uidNext - 1}.
     */
    public Folder allocate(long accountId, long id, int count, int unseen, long bytes) {
        int updated = jdbc.sql("""
                        update mailbox set uid_next = uid_next + ?, highest_modseq = highest_modseq + 1,
                               message_count = message_count + ?, unseen_count = unseen_count + ?, size_bytes = size_bytes + ?
                        where id = ? and account_id = ?""")
                .params(count, count, unseen, bytes, id, accountId).update();
        if (updated != 1) {
            throw new fr.preau.mail.NoSuchFolderException();
        }
        return byId(accountId, id).orElseThrow(fr.preau.mail.NoSuchFolderException::new);
    }

    /** One new MODSEQ and counter changes (flags changed, messages removed); returns the new MODSEQ. */
    public long bump(long accountId, long id, int messages, int unseen, long bytes) {
        jdbc.sql("""
                        update mailbox set highest_modseq = highest_modseq + 1, message_count = message_count + ?,
                               unseen_count = unseen_count + ?, size_bytes = size_bytes + ?
                        where id = ? and account_id = ?""")
                .params(messages, unseen, bytes, id, accountId).update();
        return jdbc.sql("select highest_modseq from mailbox where id = ?").param(id).query(Long.class).single();
    }

    public void rename(long id, String name, Long parentId) {
        jdbc.sql("update mailbox set name = ?, parent_id = ?, highest_modseq = highest_modseq + 1 where id = ?")
                .params(name, parentId, id).update();
    }

    public void setSubscribed(long accountId, long id, boolean subscribed) {
        jdbc.sql("update mailbox set subscribed = ? where id = ? and account_id = ?").params(subscribed, id, accountId).update();
    }

    public void delete(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from mailbox where id in (:ids)").param("ids", ids).update();
        }
    }

    /** Bytes and messages stored by an account, summed over its folders. */
    public long[] usage(long accountId) {
        return jdbc.sql("select coalesce(sum(size_bytes), 0), coalesce(sum(message_count), 0) from mailbox where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /**
     * A new UIDVALIDITY for a folder of the account: the time in seconds, and always above every
     * value the account was given before, so that a folder deleted and made again under the same
     * name never looks like the old one to an IMAP client.
     */
    public long nextUidValidity(long accountId) {
        jdbc.sql("insert into mail_account (account_id) values (?) on conflict do nothing").param(accountId).update();
        jdbc.sql("update mail_account set last_uid_validity = greatest(last_uid_validity + 1, ?) where account_id = ?")
                .params(clock.instant().getEpochSecond(), accountId).update();
        return jdbc.sql("select last_uid_validity from mail_account where account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    static Folder map(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        return new Folder(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                rs.getObject("parent_id", Long.class), role == null ? null : FolderRole.valueOf(role),
                rs.getLong("uid_validity"), rs.getLong("uid_next"), rs.getLong("highest_modseq"),
                rs.getInt("message_count"), rs.getInt("unseen_count"), rs.getLong("size_bytes"), rs.getBoolean("subscribed"));
    }
}
