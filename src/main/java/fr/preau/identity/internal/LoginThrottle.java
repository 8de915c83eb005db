package fr.preau.identity.internal;

import fr.preau.platform.PreauProperties;
import fr.preau.platform.SecretKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-subject brute-force defence kept in the database (so it holds across nodes and
 * restarts): after a few failures each attempt waits longer, then the subject is locked for
 * a while. The subject is the account when the typed identifier matches one, otherwise the
 * identifier itself, so an unknown identifier is slowed and locked exactly like a real one
 * and the defence says nothing about which accounts exist. Subjects are stored as keyed
 * hashes, never as typed.
 */
@Component
public class LoginThrottle {

    /** The state of a subject before an attempt. */
    public record State(int failures, Instant lockedUntil) {
        static final State CLEAN = new State(0, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final SecretKeys keys;
    private final Clock clock;
    private final PreauProperties.Login policy;

    public LoginThrottle(JdbcClient jdbc, SecretKeys keys, Clock clock, PreauProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.policy = properties.login();
    }

    public String accountSubject(String scope, long accountId) {
        return keys.hmacHex("throttle", scope + ":account:" + accountId);
    }

    public String identifierSubject(String scope, String identifier) {
        return keys.hmacHex("throttle", scope + ":identifier:" + identifier.trim().toLowerCase(Locale.ROOT));
    }

    public State state(String subject) {
        Optional<State> state = jdbc.sql("select failures, locked_until from login_throttle where subject = ?")
                .param(subject)
                .query((rs, n) -> new State(rs.getInt("failures"), AccountRepository.instant(rs, "locked_until")))
                .optional();
        State s = state.orElse(State.CLEAN);
        if (s.lockedUntil() != null && !s.lockedAt(clock.instant())) {
            // a lock that has run out starts the count again
            reset(subject);
            return State.CLEAN;
        }
        return s;
    }

    /** How long to hold an attempt back, given the failures so far. */
    public Duration delayFor(State state) {
        int over = state.failures() - policy.delayAfterFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(over, 20));
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }

    /** Records a failure; returns the new state, locked when the threshold is reached. */
    public State recordFailure(String subject) {
        Instant now = clock.instant();
        state(subject); // a lock that has run out starts the count again
        OffsetDateTime nowUtc = AccountRepository.utc(now);
        OffsetDateTime lockUtc = AccountRepository.utc(now.plus(policy.lockDuration()));
        // one statement, so that concurrent failures (threads, nodes) are all counted
        int updated = jdbc.sql("""
                update login_throttle set failures = failures + 1, last_failure = ?,
                       locked_until = case when failures + 1 >= ? then cast(? as timestamp with time zone) else null end
                where subject = ?""")
                .params(nowUtc, policy.lockAfterFailures(), lockUtc, subject).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into login_throttle (subject, failures, last_failure, locked_until) values (?, ?, ?, ?)")
                        .params(subject, 1, nowUtc, policy.lockAfterFailures() <= 1 ? lockUtc : null).update();
            } catch (DuplicateKeyException raced) {
                return recordFailure(subject);
            }
        }
        return jdbc.sql("select failures, locked_until from login_throttle where subject = ?")
                .param(subject)
                .query((rs, n) -> new State(rs.getInt("failures"), AccountRepository.instant(rs, "locked_until")))
                .optional().orElse(State.CLEAN); // reset meanwhile by a successful attempt
    }

    public void reset(String subject) {
        jdbc.sql("delete from login_throttle where subject = ?").param(subject).update();
    }

    /** Forgets the counters of an account in every scope (admin unlock, deletion). */
    public void forgetAccount(long accountId) {
        for (String scope : new String[] {"login", "activation", "second-factor"}) {
            reset(accountSubject(scope, accountId));
        }
    }

    /** Stale counters: failures long past and no lock. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H")
    void prune() {
        OffsetDateTime before = AccountRepository.utc(clock.instant().minus(Duration.ofDays(1)));
        jdbc.sql("delete from login_throttle where last_failure < ? and (locked_until is null or locked_until < ?)")
                .params(before, before).update();
    }
}
