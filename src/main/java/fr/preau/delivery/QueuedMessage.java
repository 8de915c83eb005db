package fr.preau.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A message in the outbound queue: its envelope sender (null for the null sender of a
 * notice), the account that submitted it (null for notices and relayed mail), its size, when
 * it was queued, and the recipients a listing asked for.
 */
public record QueuedMessage(long id, String sender, Long accountId, long size, Instant createdAt,
                            List<QueuedRecipient> recipients) {

    public QueuedMessage {
        recipients = List.copyOf(recipients);
    }

    /** Whether some recipient is still to be delivered. */
    public boolean pending() {
        return recipients.stream().anyMatch(r -> r.status().pending());
    }
}
