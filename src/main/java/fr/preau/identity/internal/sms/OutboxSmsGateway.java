package fr.preau.identity.internal.sms;

import fr.preau.identity.SmsGateway;
import fr.preau.identity.SmsOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default gateway: every message goes to the {@code sms_outbox} table, kept a week. */
class OutboxSmsGateway implements SmsGateway, SmsOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxSmsGateway(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(Long accountId, String mobile, String text) {
        var now = clock.instant();
        jdbc.sql("delete from sms_outbox where created_at < ?").param(now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("insert into sms_outbox (account_id, recipient, body, created_at) values (?, ?, ?, ?)")
                .params(accountId, mobile, text, now.atOffset(ZoneOffset.UTC)).update();
    }

    @Override
    public List<Sms> latest(String recipient, int limit) {
        String where = recipient == null ? "" : " where recipient = :recipient";
        var query = jdbc.sql("select id, account_id, recipient, body, created_at from sms_outbox" + where
                + " order by id desc fetch first :limit rows only").param("limit", limit);
        if (recipient != null) {
            query = query.param("recipient", recipient);
        }
        return query.query((rs, n) -> new Sms(rs.getLong("id"),
                        rs.getObject("account_id") == null ? null : rs.getLong("account_id"), rs.getString("recipient"),
                        rs.getString("body"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }
}
