package fr.preau.identity.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where recovery sends its codes and reminders: off the request thread, so that the page answers
 * in the same time whether or not an account matched and a message left (an SMS operator may take
 * a second to answer), and a moment later (a random fraction of a second), so that the work does
 * not overlap the answer it followed. Tests run the work on the caller's thread at once.
 */
@Component
public class RecoveryBackground {

    private static final Logger log = LoggerFactory.getLogger(RecoveryBackground.class);

    /** The longest wait before the work starts (the shortest is a fifth of it). */
    private static final long MAX_DELAY_MILLIS = 1000;

    private final Executor executor;
    private final ExecutorService owned;
    private final long maxDelayMillis;

    @Autowired
    RecoveryBackground() {
        this.owned = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("recovery-", 0).factory());
        this.executor = owned;
        this.maxDelayMillis = MAX_DELAY_MILLIS;
    }

    /** Runs the work with the given executor ({@code Runnable::run} in tests), without waiting. */
    public RecoveryBackground(Executor executor) {
        this.executor = executor;
        this.owned = null;
        this.maxDelayMillis = 0;
    }

    public void run(Runnable work) {
        long delay = maxDelayMillis == 0 ? 0
                : java.util.concurrent.ThreadLocalRandom.current().nextLong(maxDelayMillis / 5, maxDelayMillis);
        executor.execute(() -> {
            try {
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Recovery message not sent: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        if (owned != null) {
            owned.close();
        }
    }
}
