package fr.preau.platform;

import java.util.function.Consumer;

/**
 * Small notifications between the parts of Préau and between nodes (e.g. "new mail in this
 * folder" for IMAP IDLE and the web's live updates). A payload published inside a transaction
 * is delivered only if and after it commits. With PostgreSQL the bus is LISTEN/NOTIFY, so every
 * node (and the admin command line) reaches every other; with the embedded H2 it is in-process.
 * Delivery is at most once and carries no history: subscribers re-read the state they need.
 */
public interface EventBus {

    /** Longest payload accepted (PostgreSQL's NOTIFY limit, with room to spare). */
    int MAX_PAYLOAD = 7000;

    /** Publishes {@code payload} on {@code channel} (lower-case letters, digits and _). */
    void publish(String channel, String payload);

    /** Calls {@code listener} with each payload published on {@code channel}, from any thread. */
    Subscription subscribe(String channel, Consumer<String> listener);

    /** Ends a subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
