package fr.preau.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits per client address (or other key), with Bucket4j. Buckets live
 * in this node's memory: a limit per node, which is what an address-based limit needs;
 * per-account limits that must hold across nodes are kept in the database instead.
 */
@Component
public class RateLimits {

    /** A named limit: {@code capacity} requests, refilled over {@code period}. */
    public record Limit(String name, int capacity, Duration period) {}

    /** The answer to one request: allowed, or refused with the time to wait. */
    public record Verdict(boolean allowed, Duration retryAfter) {}

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(200_000)
            .build();

    public Verdict tryConsume(Limit limit, String key) {
        Bucket bucket = buckets.get(limit.name() + '\u0000' + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Verdict(true, Duration.ZERO)
                : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets every bucket (tests and the admin's "unlock" of an address). */
    public void reset() {
        buckets.invalidateAll();
    }
}
