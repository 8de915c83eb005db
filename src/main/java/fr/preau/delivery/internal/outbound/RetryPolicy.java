package fr.preau.delivery.internal.outbound;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try again after a temporary failure, and when to give up: the delay starts at
 * {@code firstRetry} and doubles while it stays within half of {@code maxRetryInterval}, then
 * is {@code maxRetryInterval} (by default 5, 10, 20, 40 minutes, then every 2 hours); the last
 * attempt is made at the end of the retry window, after which a temporary failure is final.
 */
final class RetryPolicy {

    private final Duration firstRetry;
    private final Duration maxRetryInterval;
    private final Duration retryWindow;

    RetryPolicy(Duration firstRetry, Duration maxRetryInterval, Duration retryWindow) {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetryInterval.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retry delays: first " + firstRetry + ", max " + maxRetryInterval);
        }
        this.firstRetry = firstRetry;
        this.maxRetryInterval = maxRetryInterval;
        this.retryWindow = retryWindow;
    }

    RetryPolicy(DeliveryProperties properties) {
        this(properties.firstRetry(), properties.maxRetryInterval(), properties.retryWindow());
    }

    /** The delay after the {@code attempts}-th failed attempt (1 for the first). */
    Duration delayAfter(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts; i++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(maxRetryInterval.dividedBy(2)) > 0) {
                return maxRetryInterval;
            }
        }
        return delay.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : delay;
    }

    /** How long a message is retried. */
    Duration window() {
        return retryWindow;
    }

    /** When a message queued at {@code queuedAt} is given up. */
    Instant expiry(Instant queuedAt) {
        return queuedAt.plus(retryWindow);
    }

    /**
     * After the {@code attempts}-th attempt failed temporarily at {@code now}: when to try
     * again, or null to give up (the retry window is over).
     */
    Instant nextAttempt(Instant queuedAt, int attempts, Instant now) {
        Instant expiry = expiry(queuedAt);
        if (!now.isBefore(expiry)) {
            return null;
        }
        Instant next = now.plus(delayAfter(attempts));
        return next.isAfter(expiry) ? expiry : next;
    }
}
