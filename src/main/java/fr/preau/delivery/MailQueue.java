package fr.preau.delivery;

import fr.preau.delivery.QueuedRecipient.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbound queue as operations see it ({@code preau admin queue ...}, an account's mail
 * status): what waits to be delivered to other domains, and the few things an administrator
 * may do about it. Retrying makes recipients due now; cancelling removes a message without
 * telling its sender. Both are written to the audit log under {@code actor}.
 */
public interface MailQueue {

    /**
     * Messages matching {@code filter}, oldest first, each with its recipients that match the
     * filter's statuses and domain.
     */
    List<QueuedMessage> list(Filter filter);

    /** One message with all its recipients. */
    Optional<QueuedMessage> find(long messageId);

    /**
     * The bytes of a queued message that Préau wrote itself (null envelope sender: delivery
     * notices, recovery codes, security notices), for an administrator to read; empty for an
     * agent's mail or an unknown id, whose content the queue never shows.
     */
    Optional<byte[]> systemMessage(long messageId);

    /** How many recipients are in each status (every status is a key). */
    Map<Status, Long> counts();

    /** Makes the pending recipients of one message due now; returns how many (0: unknown or finished). */
    int retry(String actor, long messageId);

    /** Makes every deferred recipient due now; returns how many. */
    int retryAllDeferred(String actor);

    /** Removes a message from the queue, whatever its state, without a notice; false if unknown. */
    boolean cancel(String actor, long messageId);

    /**
     * What to list: recipients in one of {@code statuses} (empty: any), of one {@code domain}
     * (null: any), messages of one envelope {@code sender} or {@code accountId} (null: any), at
     * most {@code limit} messages.
     */
    record Filter(Set<Status> statuses, String domain, String sender, Long accountId, int limit) {

        public static final int MAX_LIMIT = 10_000;

        public Filter {
            statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }

        /** Everything still to be delivered, up to 100 messages. */
        public static Filter pending() {
            return new Filter(EnumSet.of(Status.QUEUED, Status.DEFERRED), null, null, null, 100);
        }

        /** Everything still listed, whatever its state, up to 100 messages. */
        public static Filter all() {
            return new Filter(Set.of(), null, null, null, 100);
        }

        public Filter statuses(Set<Status> wanted) {
            return new Filter(wanted, domain, sender, accountId, limit);
        }

        public Filter domain(String wanted) {
            return new Filter(statuses, wanted, sender, accountId, limit);
        }

        public Filter sender(String wanted) {
            return new Filter(statuses, domain, wanted, accountId, limit);
        }

        public Filter account(Long wanted) {
            return new Filter(statuses, domain, sender, wanted, limit);
        }

        public Filter limit(int wanted) {
            return new Filter(statuses, domain, sender, accountId, wanted);
        }
    }
}
