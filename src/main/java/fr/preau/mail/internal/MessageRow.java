package fr.preau.mail.internal;

import fr.preau.mail.MessageSummary;

/** A message row as the store reads it: the summary plus what only the store needs. */
public record MessageRow(MessageSummary summary, long accountId, String blobHash, String messageIdHeader) {

    public long id() {
        return summary.id();
    }
}
