package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedRecipient.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the outbound queue ({@code outbound_message}, {@code outbound_recipient}; see
 * V6__outbound.sql), the same on H2 and PostgreSQL. Recipients are claimed one by one with a
 * conditional update on their lease, so that nodes sharing the database never deliver the same
 * recipient at the same time, and a lease that ran out (its node died) is claimed again.
 * Outcomes are written only by the lease's owner.
 */
@Repository
class QueueRepository {

    static final String QUEUED = "queued";
    static final String DEFERRED = "deferred";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    /** Kinds of notice waiting to be sent to a sender ({@code notice_pending}). */
    enum Notice { DELAYED, FAILED, DELIVERED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Notice of(String column) {
            return column == null ? null : valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    /** A queued message. {@code ret} and {@code envid} are its RFC 3461 options, if any. */
    record MessageRow(long id, String blobHash, long size, String sender, Long accountId, Instant createdAt,
                      Locale locale, String ret, String envid) {}

    /** A recipient and its delivery state. */
    record RecipientRow(long id, long messageId, String address, String domain, String dsnNotify,
                        String originalRecipient, Status status, int attempts, Instant nextAttemptAt,
                        Instant lastAttemptAt, Integer lastCode, String lastEnhancedCode, String lastReply,
                        String remoteMta, boolean delayWarned, Notice noticePending, String leaseOwner,
                        Instant leaseUntil, Instant finishedAt) {

        /** The last reply as recorded, or null before any attempt. */
        SmtpReply reply() {
            return lastCode == null ? null : new SmtpReply(lastCode, lastEnhancedCode, replyText());
        }

        private String replyText() {
            // last_reply holds the whole line ("550 5.1.1 text"): keep the text only
            String text = lastReply == null ? "" : lastReply;
            String prefix = lastCode + (lastEnhancedCode == null ? "" : " " + lastEnhancedCode);
            return text.startsWith(prefix) ? text.substring(prefix.length()).strip() : text;
        }
    }

    record NewMessage(String blobHash, long size, String sender, Long accountId, Instant createdAt, Locale locale,
                      String ret, String envid) {}

    record NewRecipient(String address, String domain, String dsnNotify, String originalRecipient) {}

    /** A recipient due for an attempt. */
    record Due(long recipientId, long messageId, String domain) {}

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- enqueue

    long insert(NewMessage message, List<NewRecipient> recipients) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outbound_message (blob_hash, size, sender, account_id, created_at, locale, dsn_ret, dsn_envid)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(message.blobHash(), message.size(), message.sender(), message.accountId(),
                        utc(message.createdAt()), message.locale().getLanguage(), message.ret(), message.envid())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (NewRecipient r : recipients) {
            jdbc.sql("""
                    insert into outbound_recipient (message_id, address, domain, dsn_notify, original_recipient, status,
                                                    attempts, next_attempt_at)
                    values (?, ?, ?, ?, ?, 'queued', 0, ?)""")
                    .params(id, r.address(), r.domain(), r.dsnNotify(), r.originalRecipient(), utc(message.createdAt()))
                    .update();
        }
        return id;
    }

    /**
     * Records at once, as failed, a recipient that could not be delivered at receipt (a local
     * mailbox over quota after DATA), with the notice its sender is owed.
     */
    void failAtReceipt(long messageId, String address, SmtpReply reply, Instant now, boolean notify) {
        jdbc.sql("""
                update outbound_recipient set status = 'failed', attempts = 1, last_attempt_at = ?, finished_at = ?,
                       last_code = ?, last_enhanced_code = ?, last_reply = ?, remote_mta = null, notice_pending = ?
                where message_id = ? and lower(address) = lower(?)""")
                .params(utc(now), utc(now), reply.code(), reply.enhancedCode(), truncate(reply.toString(), 1000),
                        notify ? Notice.FAILED.column() : null, messageId, address)
                .update();
    }

    // ---- the worker

    /** Recipients due at {@code now} and not leased, oldest due first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select id, message_id, domain from outbound_recipient
                where status in ('queued', 'deferred') and next_attempt_at <= ?
                  and (lease_until is null or lease_until < ?)
                order by next_attempt_at, id limit ?""")
                .params(utc(now), utc(now), limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("message_id"), rs.getString("domain")))
                .list();
    }

    /** Takes one due recipient for {@code owner} until {@code until}; false if someone else has it or it is not due. */
    boolean claim(long recipientId, String owner, Instant until, Instant now) {
        return jdbc.sql("""
                update outbound_recipient set lease_owner = ?, lease_until = ?
                where id = ? and status in ('queued', 'deferred') and next_attempt_at <= ?
                  and (lease_until is null or lease_until < ?)""")
                .params(owner, utc(until), recipientId, utc(now), utc(now))
                .update() == 1;
    }

    Optional<MessageRow> message(long id) {
        return jdbc.sql("select * from outbound_message where id = ?").param(id)
                .query(QueueRepository::message).optional();
    }

    List<RecipientRow> recipients(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from outbound_recipient where id in (:ids) order by id").param("ids", ids)
                .query(QueueRepository::recipient).list();
    }

    List<RecipientRow> recipientsOf(long messageId) {
        return jdbc.sql("select * from outbound_recipient where message_id = ? order by id").param(messageId)
                .query(QueueRepository::recipient).list();
    }

    /** Records a temporary failure: deferred until {@code nextAttempt}. Only by the lease's owner. */
    boolean deferred(long recipientId, String owner, Instant now, Instant nextAttempt, SmtpReply reply, String remoteMta) {
        return jdbc.sql("""
                update outbound_recipient set status = 'deferred', attempts = attempts + 1, last_attempt_at = ?,
                       next_attempt_at = ?, last_code = ?, last_enhanced_code = ?, last_reply = ?, remote_mta = ?,
                       lease_owner = null, lease_until = null
                where id = ? and lease_owner = ?""")
                .params(utc(now), utc(nextAttempt), reply.code(), reply.enhancedCode(), truncate(reply.toString(), 1000),
                        truncate(remoteMta, 255), recipientId, owner)
                .update() == 1;
    }

    /**
     * Records the end of a recipient: delivered or failed, with the notice its sender is owed
     * (null: none; this also drops a delay warning not sent yet). Only by the lease's owner.
     */
    boolean finished(long recipientId, String owner, Status status, Instant now, SmtpReply reply, String remoteMta,
                     Notice notice) {
        return jdbc.sql("""
                update outbound_recipient set status = ?, attempts = attempts + 1, last_attempt_at = ?,
                       finished_at = ?, last_code = ?, last_enhanced_code = ?, last_reply = ?, remote_mta = ?,
                       notice_pending = ?, lease_owner = null, lease_until = null
                where id = ? and lease_owner = ?""")
                .params(column(status), utc(now), utc(now), reply.code(), reply.enhancedCode(),
                        truncate(reply.toString(), 1000), truncate(remoteMta, 255),
                        notice == null ? null : notice.column(), recipientId, owner)
                .update() == 1;
    }

    /**
     * Marks for a delay warning every pending recipient of a message queued at or before
     * {@code queuedBefore} that has not had one, whose sender can be told and wants to be.
     */
    int markDelayWarnings(Instant queuedBefore) {
        return jdbc.sql("""
                update outbound_recipient set delay_warned = true, notice_pending = 'delayed'
                where status in ('queued', 'deferred') and delay_warned = false and notice_pending is null
                  and (dsn_notify is null or dsn_notify like '%DELAY%')
                  and message_id in (select id from outbound_message where created_at <= ? and sender is not null)""")
                .param(utc(queuedBefore))
                .update();
    }

    /** Messages with notices waiting to be sent. */
    List<Long> messagesWithNotices(int limit) {
        return jdbc.sql("""
                select message_id from outbound_recipient where notice_pending is not null
                group by message_id order by message_id limit ?""")
                .param(limit).query(Long.class).list();
    }

    List<RecipientRow> pendingNotices(long messageId) {
        return jdbc.sql("select * from outbound_recipient where message_id = ? and notice_pending is not null order by id")
                .param(messageId).query(QueueRepository::recipient).list();
    }

    /** Takes a pending notice for sending (in the transaction that sends it); false if another node took it. */
    boolean takeNotice(long recipientId, Notice notice) {
        return jdbc.sql("update outbound_recipient set notice_pending = null where id = ? and notice_pending = ?")
                .params(recipientId, notice.column()).update() == 1;
    }

    /**
     * Deletes the messages whose recipients all finished before {@code before} and whose
     * notices were sent; returns how many. Their blobs are then collectable.
     */
    int purgeFinished(Instant before) {
        return jdbc.sql("""
                delete from outbound_message where id in (
                    select r.message_id from outbound_recipient r group by r.message_id
                    having max(case when r.finished_at is null or r.finished_at >= ? or r.notice_pending is not null
                                    then 1 else 0 end) = 0)""")
                .param(utc(before)).update();
    }

    // ---- operations

    List<Long> matching(MailQueue.Filter filter) {
        StringBuilder sql = new StringBuilder("""
                select m.id from outbound_message m where exists (
                    select 1 from outbound_recipient r where r.message_id = m.id""");
        Map<String, Object> params = new LinkedHashMap<>();
        recipientConditions(filter, sql, params);
        sql.append(')');
        if (filter.sender() != null) {
            if (filter.sender().equals("<>")) {
                sql.append(" and m.sender is null");
            } else {
                sql.append(" and lower(m.sender) = :sender");
                params.put("sender", filter.sender().strip().toLowerCase(Locale.ROOT));
            }
        }
        if (filter.accountId() != null) {
            sql.append(" and m.account_id = :account");
            params.put("account", filter.accountId());
        }
        sql.append(" order by m.id limit :limit");
        params.put("limit", filter.limit());
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    List<MessageRow> messages(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from outbound_message where id in (:ids) order by id").param("ids", ids)
                .query(QueueRepository::message).list();
    }

    /** The recipients of these messages that match the filter's statuses and domain. */
    List<RecipientRow> recipientsOf(List<Long> messageIds, MailQueue.Filter filter) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select r.* from outbound_recipient r where r.message_id in (:ids)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", messageIds);
        recipientConditions(filter, sql, params);
        sql.append(" order by r.message_id, r.id");
        return jdbc.sql(sql.toString()).params(params).query(QueueRepository::recipient).list();
    }

    private static void recipientConditions(MailQueue.Filter filter, StringBuilder sql, Map<String, Object> params) {
        if (!filter.statuses().isEmpty()) {
            sql.append(" and r.status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(QueueRepository::column).sorted().toList());
        }
        if (filter.domain() != null) {
            sql.append(" and r.domain = :domain");
            params.put("domain", filter.domain());
        }
    }

    Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from outbound_recipient group by status")
                .query((ResultSet rs) -> {
                    counts.put(status(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** Makes the pending recipients of a message due at {@code now}; returns how many. */
    int retryMessage(long messageId, Instant now) {
        return jdbc.sql("update outbound_recipient set next_attempt_at = ? where message_id = ? and status in ('queued', 'deferred')")
                .params(utc(now), messageId).update();
    }

    int retryAllDeferred(Instant now) {
        return jdbc.sql("update outbound_recipient set next_attempt_at = ? where status = 'deferred'")
                .param(utc(now)).update();
    }

    boolean delete(long messageId) {
        return jdbc.sql("delete from outbound_message where id = ?").param(messageId).update() == 1;
    }

    // ---- mapping

    static String column(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static Status status(String column) {
        return Status.valueOf(column.toUpperCase(Locale.ROOT));
    }

    private static MessageRow message(ResultSet rs, int row) throws SQLException {
        return new MessageRow(rs.getLong("id"), rs.getString("blob_hash").strip(), rs.getLong("size"),
                rs.getString("sender"), rs.getObject("account_id", Long.class), instant(rs, "created_at"),
                Locale.forLanguageTag(rs.getString("locale")), rs.getString("dsn_ret"), rs.getString("dsn_envid"));
    }

    private static RecipientRow recipient(ResultSet rs, int row) throws SQLException {
        return new RecipientRow(rs.getLong("id"), rs.getLong("message_id"), rs.getString("address"),
                rs.getString("domain"), rs.getString("dsn_notify"), rs.getString("original_recipient"),
                status(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"), rs.getObject("last_code", Integer.class),
                rs.getString("last_enhanced_code"), rs.getString("last_reply"), rs.getString("remote_mta"),
                rs.getBoolean("delay_warned"), Notice.of(rs.getString("notice_pending")), rs.getString("lease_owner"),
                instant(rs, "lease_until"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
