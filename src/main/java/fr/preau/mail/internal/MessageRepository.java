package fr.preau.mail.internal;

import fr.preau.mail.Flag;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageFlags;
import fr.preau.mail.MessageSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code message} table and the expunge history. Every read is scoped to an account. */
@Repository
public class MessageRepository {

    static final String COLUMNS = """
            id, account_id, mailbox_id, uid, modseq, thread_id, blob_hash, size, internal_date, sent_date, flags,
            keywords, message_id, subject, from_name, from_address, to_list, cc_list, has_attachment, priority, preview""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** H2 needs an index hint for folder pages (see {@link #page}). */
    private final boolean h2;

    public MessageRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.h2 = Boolean.TRUE.equals(template.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                connection -> connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                        .contains("h2")));
    }

    /** A new message row: its place, blob, flags and the parsed fields. */
    public record NewMessage(long accountId, long mailboxId, long uid, long modseq, String blobHash, long size,
                             Instant internalDate, int flags, String keywords, long threadId, ParsedForStore parsed) {}

    public long insert(NewMessage m) {
        ParsedForStore p = m.parsed();
        Instant sortDate = p.sentDate() != null ? p.sentDate() : m.internalDate();
        String fromName = p.from() == null ? null : truncate(AddressList.clean(p.from().name()), 250);
        String fromAddress = p.from() == null ? null : truncate(AddressList.clean(p.from().address()), 320);
        String sortFrom = truncate((fromName != null && !fromName.isEmpty() ? fromName
                : fromAddress == null ? "" : fromAddress).toLowerCase(Locale.ROOT), 200);
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into message (account_id, mailbox_id, uid, modseq, blob_hash, size, internal_date, sent_date,
                            sort_date, flags, keywords, thread_id, message_id, subject, sort_subject, from_name, from_address,
                            sort_from, to_list, cc_list, has_attachment, priority, preview, structure)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.accountId(), m.mailboxId(), m.uid(), m.modseq(), m.blobHash(), m.size(), at(m.internalDate()),
                        at(p.sentDate()), at(sortDate), m.flags(), m.keywords(), m.threadId(),
                        truncate(p.messageId(), 250), truncate(AddressList.clean(p.subject()), 1000),
                        truncate(p.normalizedSubject(), 200), fromName, fromAddress, sortFrom,
                        AddressList.encode(p.to(), 2000), AddressList.encode(p.cc(), 2000), p.hasAttachment(),
                        p.priority(), truncate(AddressList.clean(p.preview()), 300), p.structureJson())
                .update(keyHolder, "id");
        return keyHolder.getKey().longValue();
    }

    /** Copies a message row into another folder under a new UID; returns the new row's id. */
    public long copy(long accountId, long messageId, long targetMailboxId, long uid, long modseq) {
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into message (account_id, mailbox_id, uid, modseq, blob_hash, size, internal_date, sent_date,
                            sort_date, flags, keywords, thread_id, message_id, subject, sort_subject, from_name, from_address,
                            sort_from, to_list, cc_list, has_attachment, priority, preview, structure)
                        select account_id, ?, ?, ?, blob_hash, size, internal_date, sent_date, sort_date, flags, keywords,
                            thread_id, message_id, subject, sort_subject, from_name, from_address, sort_from, to_list,
                            cc_list, has_attachment, priority, preview, structure
                        from message where id = ? and account_id = ?""")
                .params(targetMailboxId, uid, modseq, messageId, accountId)
                .update(keyHolder, "id");
        return keyHolder.getKey().longValue();
    }

    public Optional<MessageRow> byId(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from message where id = ? and account_id = ?").params(id, accountId)
                .query(MessageRepository::map).optional();
    }

    /** The rows of these ids that belong to the account (others are silently left out). */
    public List<MessageRow> byIds(long accountId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<MessageRow> out = new ArrayList<>(ids.size());
        List<Long> all = List.copyOf(new TreeSet<>(ids));
        for (int from = 0; from < all.size(); from += 1000) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            out.addAll(jdbc.sql("select " + COLUMNS + " from message where account_id = :account and id in (:ids) order by id")
                    .param("account", accountId).param("ids", chunk).query(MessageRepository::map).list());
        }
        return out;
    }

    public Optional<MessageRow> byUid(long accountId, long mailboxId, long uid) {
        return jdbc.sql("select " + COLUMNS + " from message where mailbox_id = ? and uid = ? and account_id = ?")
                .params(mailboxId, uid, accountId).query(MessageRepository::map).optional();
    }

    public List<MessageRow> page(long accountId, long mailboxId, ListOrder order, int offset, int limit) {
        String direction = order.descending() ? " desc" : "";
        String column = switch (order.field()) {
            case DATE -> "sort_date";
            case FROM -> "sort_from";
            case SUBJECT -> "sort_subject";
            case SIZE -> "size";
        };
        // The folder's index of that order, read in order, stops after the page. mailbox_id leads the
        // ORDER BY as it leads the index; H2 must also be told which index (it prefers the index of
        // the mailbox foreign key, then sorts the whole folder on every page); PostgreSQL finds it.
        String index = h2 ? " use index (message_" + switch (order.field()) {
            case DATE -> "date";
            case FROM -> "from";
            case SUBJECT -> "subject";
            case SIZE -> "size";
        } + "_idx)" : "";
        return jdbc.sql("select " + COLUMNS + " from message" + index + " where mailbox_id = ? and account_id = ?"
                        + " order by mailbox_id" + direction + ", " + column + direction + ", id" + direction
                        + " limit ? offset ?")
                .params(mailboxId, accountId, limit, offset).query(MessageRepository::map).list();
    }

    /** The account's messages of one conversation, oldest first, at most {@code limit}. */
    public List<MessageRow> ofThread(long accountId, long threadId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from message where thread_id = ? and account_id = ? order by sort_date, id limit ?")
                .params(threadId, accountId, limit).query(MessageRepository::map).list();
    }

    /** Ids of the messages of a folder carrying \Deleted (IMAP EXPUNGE). */
    public List<MessageRow> deletedIn(long accountId, long mailboxId) {
        return jdbc.sql("select " + COLUMNS + " from message where mailbox_id = ? and account_id = ? and mod(flags / 8, 2) = 1 order by uid")
                .params(mailboxId, accountId).query(MessageRepository::map).list();
    }

    public String structure(long accountId, long id) {
        return jdbc.sql("select structure from message where id = ? and account_id = ?").params(id, accountId)
                .query(String.class).optional().orElse(null);
    }

    public void setFlags(List<long[]> idFlagsModseq, List<String> keywords) {
        List<Object[]> args = new ArrayList<>(idFlagsModseq.size());
        for (int i = 0; i < idFlagsModseq.size(); i++) {
            long[] r = idFlagsModseq.get(i);
            args.add(new Object[] {(int) r[1], keywords.get(i), r[2], r[0]});
        }
        template.batchUpdate("update message set flags = ?, keywords = ?, modseq = ? where id = ?", args);
    }

    public void moveTo(long id, long mailboxId, long uid, long modseq) {
        jdbc.sql("update message set mailbox_id = ?, uid = ?, modseq = ? where id = ?").params(mailboxId, uid, modseq, id).update();
    }

    public void delete(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("delete from message where id in (:ids)").param("ids", all.subList(from, Math.min(all.size(), from + 1000))).update();
        }
    }

    public void recordExpunged(long mailboxId, Collection<Long> uids, long modseq) {
        List<Object[]> args = uids.stream().map(uid -> new Object[] {mailboxId, uid, modseq}).toList();
        template.batchUpdate("insert into message_expunged (mailbox_id, uid, modseq) values (?, ?, ?) on conflict do nothing", args);
    }

    /** Threads of the account's messages whose Message-ID is one of {@code messageIds}. */
    public List<Long> threadsOfMessageIds(long accountId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct thread_id from message where account_id = :account and message_id in (:ids)")
                .param("account", accountId).param("ids", messageIds).query(Long.class).list();
    }

    /**
     * The thread of the account's newest message with this normalised subject since {@code since}.
     * By the account's mailboxes, so that the {@code (mailbox_id, sort_subject, id)} index finds the
     * few messages of that subject: by {@code account_id} alone, each reply delivered read every
     * message of the account (docs/PERFORMANCE.md, Web mail).
     */
    public Optional<Long> threadOfSubject(long accountId, String sortSubject, Instant since) {
        return jdbc.sql("""
                        select thread_id from message
                        where mailbox_id in (select id from mailbox where account_id = ?) and account_id = ?
                          and sort_subject = ? and sort_date >= ?
                        order by sort_date desc limit 1""")
                .params(accountId, accountId, sortSubject, at(since)).query(Long.class).optional();
    }

    static MessageRow map(ResultSet rs, int row) throws SQLException {
        MessageFlags flags = new MessageFlags(Flag.of(rs.getInt("flags")), keywords(rs.getString("keywords")));
        String fromAddress = rs.getString("from_address");
        MailAddress from = fromAddress == null ? null : new MailAddress(blankToNull(rs.getString("from_name")), fromAddress);
        MessageSummary summary = new MessageSummary(rs.getLong("id"), rs.getLong("mailbox_id"), rs.getLong("uid"),
                rs.getLong("modseq"), rs.getLong("thread_id"), instant(rs, "internal_date"), instant(rs, "sent_date"),
                rs.getLong("size"), flags, from, AddressList.decode(rs.getString("to_list")),
                AddressList.decode(rs.getString("cc_list")), rs.getString("subject"), rs.getString("preview"),
                rs.getBoolean("has_attachment"), rs.getInt("priority"));
        return new MessageRow(summary, rs.getLong("account_id"), rs.getString("blob_hash"), rs.getString("message_id"));
    }

    static Set<String> keywords(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.asList(column.strip().split(" +")));
    }

    public static String keywordsColumn(Set<String> keywords) {
        return keywords.isEmpty() ? "" : " " + String.join(" ", new TreeSet<>(keywords)) + " ";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
