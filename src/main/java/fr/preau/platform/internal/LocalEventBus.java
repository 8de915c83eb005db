package fr.preau.platform.internal;

import fr.preau.platform.EventBus;
import java.util.function.Consumer;

/** The event bus of a single process (embedded H2): delivered in-process after commit. */
public final class LocalEventBus implements EventBus {

    private final EventDispatch dispatch = new EventDispatch();

    @Override
    public void publish(String channel, String payload) {
        EventDispatch.check(channel, payload);
        fr.preau.platform.AfterCommit.run(() -> dispatch.dispatch(channel, payload));
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        return dispatch.subscribe(channel, listener);
    }
}
