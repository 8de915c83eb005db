package fr.preau.platform.internal;

import fr.preau.platform.EventBus;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The subscribers of each channel, and delivery to them; shared by both event buses. */
final class EventDispatch {

    private static final Logger log = LoggerFactory.getLogger(EventDispatch.class);
    static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Map<String, Set<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    EventBus.Subscription subscribe(String channel, Consumer<String> listener) {
        check(channel, "");
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.getOrDefault(channel, Set.of()).remove(listener);
    }

    void dispatch(String channel, String payload) {
        for (Consumer<String> listener : listeners.getOrDefault(channel, Set.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                log.warn("An event listener on {} failed: {}", channel, e.toString());
            }
        }
    }

    static void check(String channel, String payload) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("bad channel name: " + channel);
        }
        if (payload.length() > EventBus.MAX_PAYLOAD) {
            throw new IllegalArgumentException("event payload too long: " + payload.length());
        }
    }

}
