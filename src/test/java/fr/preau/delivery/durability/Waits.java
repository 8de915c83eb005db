package fr.preau.delivery.durability;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Waiting on conditions (polled every 100 ms) instead of sleeping for a guessed time. */
final class Waits {

    private Waits() {}

    /** Waits for {@code condition} at most {@code timeout}; whether it came. */
    static boolean within(Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits for {@code condition} at most {@code timeout}, else fails saying {@code what}, with {@code context}. */
    static void until(String what, Duration timeout, Callable<Boolean> condition, Supplier<String> context) throws Exception {
        if (!within(timeout, condition)) {
            fail("timed out after %s waiting for %s%n%s", timeout, what, context.get());
        }
    }
}
