package fr.preau.delivery;

import java.time.Instant;

/**
 * One recipient of a message in the outbound queue, as administrators see it: its delivery
 * state, how many attempts were made, when the next one is due, and the last answer (an SMTP
 * reply such as {@code 550 5.1.1 User unknown}, or what went wrong before one was had).
 *
 * @param nextAttemptAt when the next attempt is due (null once finished)
 * @param remoteMta     the host that gave the last answer, if one did
 * @param finishedAt    when it was delivered or given up (null while pending)
 */
public record QueuedRecipient(long id, String address, String domain, Status status, int attempts,
                              Instant nextAttemptAt, Instant lastAttemptAt, String lastReply, String remoteMta,
                              boolean delayWarned, Instant finishedAt) {

    /** Where a recipient stands: the first two are pending, the last two finished. */
    public enum Status {
        /** Not tried yet. */
        QUEUED,
        /** Tried, failed for now: will be tried again. */
        DEFERRED,
        DELIVERED,
        /** Refused for good, or not delivered within the retry window: the sender was told. */
        FAILED;

        public boolean pending() {
            return this == QUEUED || this == DEFERRED;
        }
    }
}
