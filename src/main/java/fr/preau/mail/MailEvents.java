package fr.preau.mail;

import fr.preau.platform.EventBus;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Change events of the mail store, for IMAP IDLE and the web's live updates: published after
 * each change commits, on every node. A listener hears only the account it subscribed for.
 */
@Service
public class MailEvents {

    static final String CHANNEL = "mail";

    private final EventBus bus;

    MailEvents(EventBus bus) {
        this.bus = bus;
    }

    /** Calls {@code listener} for each change of {@code accountId}'s mail until the subscription is closed. */
    public EventBus.Subscription subscribe(long accountId, Consumer<MailChange> listener) {
        return bus.subscribe(CHANNEL, payload -> {
            MailChange change = MailChange.decode(payload);
            if (change.accountId() == accountId) {
                listener.accept(change);
            }
        });
    }

    /** Publishes a change; inside a transaction, it goes out when the transaction commits. */
    void publish(MailChange change) {
        bus.publish(CHANNEL, change.encode());
    }
}
