package fr.preau.mail;

import fr.preau.mail.internal.IndexTrigger;
import fr.preau.mail.internal.ParsedForStore;
import fr.preau.mail.internal.QuotaPolicy;
import fr.preau.mail.internal.StoredMessages;
import fr.preau.platform.BlobStore;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local delivery: one message to one or more accounts' INBOX (or Indésirables), stored once.
 * When {@link #deliver} returns, every delivered copy is durable — blob fsynced, rows
 * committed — so the SMTP {@code 250} can be sent — and, in the server, found by
 * {@link MailSearch}. Recipients whose quota the message does not fit are reported, not
 * stored, and the others still get it.
 */
@Service
public class MailDelivery {

    private final MailFolders folders;
    private final StoredMessages stored;
    private final QuotaPolicy quotas;
    private final MailQuotas quotaWarnings;
    private final MailEvents events;
    private final IndexTrigger index;
    private final BlobStore blobs;
    private final TransactionTemplate transaction;

    MailDelivery(MailFolders folders, StoredMessages stored, QuotaPolicy quotas, MailQuotas quotaWarnings,
                 MailEvents events, IndexTrigger index, BlobStore blobs, PlatformTransactionManager transactions) {
        this.folders = folders;
        this.stored = stored;
        this.quotas = quotas;
        this.quotaWarnings = quotaWarnings;
        this.events = events;
        this.index = index;
        this.blobs = blobs;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Writes the bytes as a blob (durably); the first step of a delivery. */
    public BlobStore.Blob store(InputStream raw) {
        return stored.write(raw);
    }

    /** Delivers a stored blob to each recipient, in one transaction; outcomes in the recipients' order. */
    public List<DeliveryOutcome> deliver(BlobStore.Blob blob, List<LocalRecipient> recipients, Instant receivedAt) {
        return deliver(blob, recipients, receivedAt, true);
    }

    /**
     * Delivers a notice of the system itself (a delivery status notification, a quota warning)
     * even to a full mailbox: an agent must learn that mail was lost, and such notices are small.
     */
    public List<DeliveryOutcome> deliverIgnoringQuota(BlobStore.Blob blob, List<LocalRecipient> recipients,
                                                      Instant receivedAt) {
        return deliver(blob, recipients, receivedAt, false);
    }

    private List<DeliveryOutcome> deliver(BlobStore.Blob blob, List<LocalRecipient> recipients, Instant receivedAt,
                                          boolean enforceQuota) {
        Map<Long, LocalRecipient> unique = new LinkedHashMap<>();
        recipients.forEach(r -> unique.putIfAbsent(r.accountId(), r));
        // in id order, like the folders below: two first deliveries making folders never wait on each other in a circle
        unique.keySet().stream().sorted().forEach(folders::ensureDefaults);
        ParsedForStore parsed = stored.parse(blob);
        Map<Long, DeliveryOutcome> outcomes = transaction.execute(status -> {
            blobs.claim(blob);
            Map<Long, DeliveryOutcome> out = new LinkedHashMap<>();
            // accounts in id order: concurrent deliveries lock folders in the same order
            List<LocalRecipient> ordered = new ArrayList<>(unique.values());
            ordered.sort(Comparator.comparingLong(LocalRecipient::accountId));
            for (LocalRecipient r : ordered) {
                QuotaUsage usage = quotas.usage(r.accountId());
                if (enforceQuota && !usage.fits(blob.size())) {
                    out.put(r.accountId(), new DeliveryOutcome.OverQuota(r.accountId(), usage));
                    continue;
                }
                Folder folder = folders.byRole(r.accountId(), r.folder());
                AppendResult stored = this.stored.insert(r.accountId(), folder.id(), blob, parsed, MessageFlags.none(), receivedAt);
                events.publish(new MailChange(r.accountId(), folder.id(), MailChange.Kind.MESSAGES_ADDED, stored.modseq()));
                out.put(r.accountId(), new DeliveryOutcome.Delivered(r.accountId(), stored));
            }
            return out;
        });
        if (outcomes.values().stream().anyMatch(o -> o instanceof DeliveryOutcome.Delivered)) {
            index.changed();
        }
        for (DeliveryOutcome outcome : outcomes.values()) {
            if (outcome instanceof DeliveryOutcome.Delivered) {
                quotaWarnings.warnIfNearlyFull(outcome.accountId());
            }
        }
        return unique.keySet().stream().map(outcomes::get).toList();
    }

    /** Whether a message of {@code size} bytes fits in the account's quota now (for SMTP RCPT with SIZE). */
    public QuotaUsage usage(long accountId) {
        return quotas.usage(accountId);
    }
}
