package fr.preau.delivery.internal.submission;

import fr.preau.delivery.internal.inbound.Recipient;
import fr.preau.delivery.internal.inbound.RecipientResolver;
import fr.preau.delivery.internal.outbound.OutboundQueue;
import fr.preau.identity.Account;
import fr.preau.mail.DeliveryOutcome;
import fr.preau.mail.FolderRole;
import fr.preau.mail.LocalRecipient;
import fr.preau.mail.MailDelivery;
import fr.preau.platform.BlobStore;
import fr.preau.platform.Durability;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every submission does once its checks passed, whether it came over SMTP
 * ({@link SubmissionHandler}) or from the web mail ({@link WebSubmission}): local recipients'
 * INBOX, the outbound queue for the others (and a failure notice for full local mailboxes), and
 * the sending limits' count — in one transaction — then made durable before the caller
 * acknowledges. The sending limits and the recipients' routes are read here too, so that both
 * paths apply the same rules.
 */
@Component
public class Submitter {

    /** Where the recipients of one message go: local accounts (with the address used) and remote addresses. */
    public record Routes(Map<Long, String> local, List<String> remote) {}

    private final RecipientResolver recipients;
    private final MailDelivery delivery;
    private final OutboundQueue queue;
    private final SendingLimits limits;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Durability durability;

    public Submitter(RecipientResolver recipients, MailDelivery delivery, OutboundQueue queue, SendingLimits limits,
                     PlatformTransactionManager transactions, Clock clock, Durability durability) {
        this.recipients = recipients;
        this.delivery = delivery;
        this.queue = queue;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.durability = durability;
    }

    public Recipient resolve(String address) {
        return recipients.resolve(address);
    }

    public boolean mayStartMessage(long accountId) {
        return limits.mayStartMessage(accountId);
    }

    public boolean mayAddRecipients(long accountId, int more) {
        return limits.mayAddRecipients(accountId, more);
    }

    /** The routes of the addresses; unknown and disabled ones are left out (they were refused before). */
    public Routes route(List<String> addresses) {
        Map<Long, String> local = new LinkedHashMap<>();
        List<String> remote = new ArrayList<>();
        for (String rcpt : addresses) {
            switch (recipients.resolve(rcpt)) {
                case Recipient.Local l -> l.accounts().forEach(a -> local.putIfAbsent(a.id(), rcpt));
                case Recipient.Remote r -> remote.add(r.address());
                default -> { }
            }
        }
        return new Routes(local, remote);
    }

    /** Writes the message's bytes as a blob (durably), before {@link #submit}. */
    public BlobStore.Blob store(java.io.InputStream raw) {
        return delivery.store(raw);
    }

    /**
     * Delivers and queues the stored message from {@code account} in one transaction, counts
     * {@code envelopeRecipients} against its limits, and makes it durable.
     */
    public void submit(Account account, int envelopeRecipients, Routes routes, BlobStore.Blob blob) {
        transaction.executeWithoutResult(status -> {
            if (!routes.local().isEmpty()) {
                List<DeliveryOutcome> outcomes = delivery.deliver(blob, routes.local().keySet().stream()
                        .map(id -> new LocalRecipient(id, FolderRole.INBOX)).toList(), clock.instant());
                List<OutboundQueue.Undeliverable> full = outcomes.stream()
                        .filter(o -> o instanceof DeliveryOutcome.OverQuota)
                        .map(o -> new OutboundQueue.Undeliverable(routes.local().get(o.accountId()), 552, "5.2.2",
                                "Mailbox full: the message does not fit in the recipient's quota"))
                        .toList();
                if (!full.isEmpty()) {
                    queue.recordUndeliverable(blob, account.email(), full, account.id(), Locale.FRENCH);
                }
            }
            if (!routes.remote().isEmpty()) {
                queue.enqueue(blob, account.email(), routes.remote(), account.id(), Locale.FRENCH);
            }
            limits.record(account.id(), envelopeRecipients);
        });
        durability.flushCommits();
    }
}
