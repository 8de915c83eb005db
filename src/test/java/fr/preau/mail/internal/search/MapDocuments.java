package fr.preau.mail.internal.search;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The store's messages as a map, counting how the indexer reads them. */
final class MapDocuments implements Documents {

    final Map<Long, IndexedMessage> messages = new ConcurrentHashMap<>();
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger states = new AtomicInteger();

    void put(TestMessage message) {
        IndexedMessage m = message.build();
        messages.put(m.messageId(), m);
    }

    @Override
    public Optional<IndexedMessage> load(long messageId) {
        loads.incrementAndGet();
        return Optional.ofNullable(messages.get(messageId));
    }

    @Override
    public Optional<MessageState> state(long messageId) {
        states.incrementAndGet();
        return Optional.ofNullable(messages.get(messageId)).map(IndexedMessage::state);
    }
}
