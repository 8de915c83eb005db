package fr.preau.delivery.internal.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-account sending limits kept in the database (so that they hold across nodes): messages
 * in the current and previous hour, recipients over the last 24 hours, counted in hourly rows.
 */
@Component
public class SendingLimits {

    private final JdbcClient jdbc;
    private final SubmissionProperties properties;
    private final Clock clock;

    public SendingLimits(JdbcClient jdbc, SubmissionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether one more message may be sent now. */
    public boolean mayStartMessage(long accountId) {
        return sum("messages", accountId, Duration.ofHours(1)) < properties.messagesPerHour();
    }

    /** Whether {@code more} recipients may be added to what was sent in the last 24 hours. */
    public boolean mayAddRecipients(long accountId, int more) {
        return sum("recipients", accountId, Duration.ofHours(24)) + more <= properties.recipientsPerDay();
    }

    /** Counts a message sent to {@code recipients} recipients (in the caller's transaction). */
    public void record(long accountId, int recipients) {
        OffsetDateTime hour = clock.instant().truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into submission_usage (account_id, hour_start, messages, recipients) values (?, ?, 0, 0) on conflict do nothing")
                .params(accountId, hour).update();
        jdbc.sql("update submission_usage set messages = messages + 1, recipients = recipients + ? where account_id = ? and hour_start = ?")
                .params(recipients, accountId, hour).update();
    }

    @org.springframework.scheduling.annotation.Scheduled(cron = "0 23 * * * *")
    void scheduledPurge() {
        purge();
    }

    /** Forgets rows older than two days. */
    public int purge() {
        return jdbc.sql("delete from submission_usage where hour_start < ?")
                .param(clock.instant().minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC)).update();
    }

    private int sum(String column, long accountId, Duration window) {
        Instant since = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(window).plus(Duration.ofHours(1));
        Integer total = jdbc.sql("select coalesce(sum(" + column + "), 0) from submission_usage where account_id = ? and hour_start >= ?")
                .params(accountId, since.atOffset(ZoneOffset.UTC)).query(Integer.class).single();
        return total == null ? 0 : total;
    }
}
