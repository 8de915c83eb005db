package fr.preau.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must see committed data (a notification, waking a worker, indexing): deferred until
 * the caller's transaction commits — and dropped if it rolls back — or done at once outside one.
 */
public final class AfterCommit {

    private AfterCommit() {}

    /** Runs {@code action} once the current transaction commits, or now when there is none. */
    public static void run(Runnable action) {
        runOr(action, action);
    }

    /** Runs {@code afterCommit} once the current transaction commits, or {@code now} when there is none. */
    public static void runOr(Runnable afterCommit, Runnable now) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        } else {
            now.run();
        }
    }
}
