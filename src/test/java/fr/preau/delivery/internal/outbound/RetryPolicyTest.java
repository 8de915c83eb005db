package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(5));
    final Instant queued = Instant.parse("2026-09-07T07:30:00Z");

    @ParameterizedTest
    @CsvSource({"1, PT5M", "2, PT10M", "3, PT20M", "4, PT40M", "5, PT2H", "6, PT2H", "100, PT2H"})
    void delaysDoubleThenStayAtTheMaximum(int attempts, Duration delay) {
        assertThat(policy.delayAfter(attempts)).isEqualTo(delay);
    }

    @Test
    void otherSchedulesFollowTheSameRule() {
        RetryPolicy quick = new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));
        assertThat(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(quick::delayAfter))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                        Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    @Test
    void theLastAttemptIsAtTheEndOfTheWindowAndThenItGivesUp() {
        Instant expiry = queued.plus(Duration.ofDays(5));
        assertThat(policy.nextAttempt(queued, 1, queued)).isEqualTo(queued.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttempt(queued, 40, expiry.minus(Duration.ofMinutes(30)))).isEqualTo(expiry);
        assertThat(policy.nextAttempt(queued, 41, expiry)).isNull();
        assertThat(policy.nextAttempt(queued, 41, expiry.plusSeconds(1))).isNull();
        assertThat(policy.expiry(queued)).isEqualTo(expiry);
    }
}
