package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.platform.PreauProperties;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class LoginThrottleContract extends DatabaseContract {

    /** Delays from the 3rd failure, doubling up to 8 s; lock at the 5th failure for 15 minutes. */
    private static final PreauProperties.Login POLICY =
            new PreauProperties.Login(3, Duration.ofSeconds(8), 5, Duration.ofMinutes(15), 30);

    private final MutableClock clock = MutableClock.start();
    private LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        throttle = new LoginThrottle(db.jdbc(), TestProperties.secretKeys(), clock, TestProperties.properties(POLICY));
    }

    @Test
    void aNewSubjectIsClean() {
        LoginThrottle.State state = throttle.state(throttle.accountSubject("login", 1));
        assertThat(state.failures()).isZero();
        assertThat(state.lockedUntil()).isNull();
        assertThat(state.lockedAt(clock.instant())).isFalse();
        assertThat(throttle.delayFor(state)).isZero();
    }

    @Test
    void subjectsAreKeyedHashesPerScopeAndAccountOrIdentifier() {
        String account = throttle.accountSubject("login", 42);
        assertThat(account).matches("[0-9a-f]{64}");
        assertThat(throttle.accountSubject("login", 42)).isEqualTo(account);
        assertThat(throttle.accountSubject("activation", 42)).isNotEqualTo(account);
        assertThat(throttle.accountSubject("login", 43)).isNotEqualTo(account);
        String identifier = throttle.identifierSubject("login", "jdupont");
        assertThat(identifier).matches("[0-9a-f]{64}").isNotEqualTo(account);
        assertThat(throttle.identifierSubject("login", "  JDupont ")).isEqualTo(identifier);
        assertThat(throttle.identifierSubject("activation", "jdupont")).isNotEqualTo(identifier);
    }

    @Test
    void countsFailuresAndLocksAtTheThreshold() {
        String subject = throttle.accountSubject("login", 1);
        for (int i = 1; i <= 4; i++) {
            LoginThrottle.State after = throttle.recordFailure(subject);
            assertThat(after.failures()).isEqualTo(i);
            assertThat(after.lockedUntil()).isNull();
            assertThat(throttle.state(subject).failures()).isEqualTo(i);
            clock.advance(Duration.ofSeconds(10));
        }
        LoginThrottle.State locked = throttle.recordFailure(subject);
        Instant until = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(locked.lockedUntil()).isEqualTo(until);
        assertThat(throttle.state(subject).lockedUntil()).isEqualTo(until);
        assertThat(throttle.state(subject).lockedAt(clock.instant())).isTrue();
        assertThat(throttle.state(throttle.accountSubject("login", 2)).failures()).as("others untouched").isZero();
    }

    @Test
    void aLockRunsOutAndTheCountStartsAgain() {
        String subject = throttle.identifierSubject("login", "nobody");
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(subject);
        }
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.state(subject).lockedAt(clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(1));
        LoginThrottle.State after = throttle.state(subject);
        assertThat(after.lockedAt(clock.instant())).isFalse();
        assertThat(after.failures()).isZero();
        assertThat(throttle.recordFailure(subject).failures()).isEqualTo(1);
    }

    @Test
    void unknownIdentifiersAreLockedLikeAccounts() {
        String unknown = throttle.identifierSubject("login", "personne@ac-dijon.fr");
        String known = throttle.accountSubject("login", 7);
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure(unknown)).isEqualTo(throttle.recordFailure(known));
        }
        assertThat(throttle.recordFailure(unknown).lockedUntil()).isEqualTo(throttle.recordFailure(known).lockedUntil())
                .isNotNull();
    }

    @Test
    void delaysDoubleFromTheThresholdUpToTheMaximum() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 40).stream()
                .map(failures -> throttle.delayFor(new LoginThrottle.State(failures, null)).toSeconds()).toList())
                .containsExactly(0L, 0L, 0L, 1L, 2L, 4L, 8L, 8L, 8L);
    }

    @Test
    void resetAndForgetClearTheCounters() {
        String subject = throttle.identifierSubject("login", "jdupont");
        throttle.recordFailure(subject);
        throttle.reset(subject);
        assertThat(throttle.state(subject).failures()).isZero();

        String login = throttle.accountSubject("login", 5);
        String activation = throttle.accountSubject("activation", 5);
        String otherAccount = throttle.accountSubject("login", 6);
        for (String s : List.of(login, activation, otherAccount)) {
            throttle.recordFailure(s);
        }
        throttle.forgetAccount(5);
        assertThat(throttle.state(login).failures()).isZero();
        assertThat(throttle.state(activation).failures()).isZero();
        assertThat(throttle.state(otherAccount).failures()).isEqualTo(1);
    }

    @Test
    void prunesStaleCountersButKeepsLocks() {
        String stale = throttle.identifierSubject("login", "stale");
        String locked = throttle.identifierSubject("login", "locked");
        throttle.recordFailure(stale);
        LoginThrottle longLock = new LoginThrottle(db.jdbc(), TestProperties.secretKeys(), clock,
                TestProperties.properties(new PreauProperties.Login(3, Duration.ZERO, 1, Duration.ofDays(3), 30)));
        longLock.recordFailure(locked);
        clock.advance(Duration.ofDays(2));
        throttle.prune();
        assertThat(db.count("login_throttle")).isEqualTo(1);
        assertThat(throttle.state(locked).lockedAt(clock.instant())).isTrue();
    }

    @Test
    void countsEveryOneOfConcurrentFailures() throws Exception {
        int attempts = 4;
        for (int round = 0; round < 3; round++) {
            String subject = throttle.identifierSubject("login", "target" + round);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LoginThrottle.State>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
                for (int i = 0; i < attempts; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return throttle.recordFailure(subject);
                    }));
                }
                start.countDown();
                for (Future<LoginThrottle.State> result : results) {
                    result.get();
                }
            }
            assertThat(throttle.state(subject).failures()).as("round %d", round).isEqualTo(attempts);
            assertThat(throttle.recordFailure(subject).lockedUntil()).as("fifth failure locks").isNotNull();
        }
    }
}
