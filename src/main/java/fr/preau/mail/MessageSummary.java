package fr.preau.mail;

import java.time.Instant;
import java.util.List;

/**
 * What a message list shows of one message, read from the store's row (never from the blob).
 *
 * @param sentDate the Date header, or null when the message has none or it cannot be read
 * @param priority 1 (highest) to 5 (lowest), 3 normal
 */
public record MessageSummary(long id, long folderId, long uid, long modseq, long threadId,
                             Instant internalDate, Instant sentDate, long size, MessageFlags flags,
                             MailAddress from, List<MailAddress> to, List<MailAddress> cc, String subject,
                             String preview, boolean hasAttachment, int priority) {

    /** The date a list shows: the Date header, else the arrival. */
    public Instant date() {
        return sentDate != null ? sentDate : internalDate;
    }
}
