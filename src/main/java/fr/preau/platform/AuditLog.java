package fr.preau.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The security audit log: every administrative action and every security event of an
 * account (logins, failures, locks, password changes, sessions closed). Entries never
 * hold a secret, a NUMEN or a message body.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An entry about to be written; {@code accountId} is the account the event concerns, if any. */
    public record Entry(String actor, Long accountId, String type, String ip, String userAgent, String details) {
        public static Entry of(String actor, String type) {
            return new Entry(actor, null, type, null, null, null);
        }

        public Entry account(Long id) {
            return new Entry(actor, id, type, ip, userAgent, details);
        }

        public Entry client(String ip, String userAgent) {
            return new Entry(actor, accountId, type, ip, userAgent, details);
        }

        public Entry details(String text) {
            return new Entry(actor, accountId, type, ip, userAgent, text);
        }
    }

    public record Event(long id, Instant occurredAt, String actor, Long accountId, String type,
                        String ip, String userAgent, String details) {}

    public void record(Entry entry) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, account_id, type, ip, user_agent, details)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(clock), truncate(entry.actor(), 200), entry.accountId(), entry.type(),
                        truncate(entry.ip(), 64), truncate(entry.userAgent(), 300), truncate(entry.details(), 2000))
                .update();
    }

    /** The newest events of one account, newest first. */
    public List<Event> forAccount(long accountId, int limit) {
        return jdbc.sql("select * from audit_event where account_id = ? order by occurred_at desc, id desc limit ?")
                .params(accountId, limit)
                .query(AuditLog::map)
                .list();
    }

    /** The newest events of the whole installation, newest first, optionally of one type. */
    public List<Event> latest(String type, int limit) {
        return jdbc.sql("""
                select * from audit_event where (cast(? as varchar) is null or type = ?)
                order by occurred_at desc, id desc limit ?""")
                .params(type, type, limit)
                .query(AuditLog::map)
                .list();
    }

    private static Event map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Event(rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getObject("account_id", Long.class), rs.getString("type"),
                rs.getString("ip"), rs.getString("user_agent"), rs.getString("details"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
