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
 * a second to answer). Tests run the work on the caller's thread.
 */
@Component
public class RecoveryBackground {

    private static final Logger log = LoggerFactory.getLogger(RecoveryBackground.class);

    private final Executor executor;
    private final ExecutorService owned;

    @Autowired
    RecoveryBackground() {
        this.owned = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("recovery-", 0).factory());
        this.executor = owned;
    }

    /** Runs the work with the given executor ({@code Runnable::run} in tests). */
    public RecoveryBackground(Executor executor) {
        this.executor = executor;
        this.owned = null;
    }

    public void run(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
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
