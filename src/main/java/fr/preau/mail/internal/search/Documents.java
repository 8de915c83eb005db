package fr.preau.mail.internal.search;

import java.util.Optional;

/**
 * The mail store as the indexer reads it: the current state of a message when its backlog
 * entry is applied (never the state at the time of the change, so replays and reorderings
 * end in the right state).
 */
public interface Documents {

    /** The message with its parsed text; empty when it no longer exists (it is then deleted from the index). */
    Optional<IndexedMessage> load(long messageId);

    /**
     * Only the folder, flags and keywords of the message (for {@link Backlog.Op#UPDATE});
     * empty when it no longer exists. Override with a cheap row read: this default parses
     * the whole message.
     */
    default Optional<MessageState> state(long messageId) {
        return load(messageId).map(IndexedMessage::state);
    }
}
