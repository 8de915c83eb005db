package fr.preau.delivery.internal.inbound;

import fr.preau.delivery.internal.auth.DmarcResult;
import fr.preau.delivery.internal.outbound.OutboundQueue;
import fr.preau.delivery.internal.smtp.Envelope;
import fr.preau.delivery.internal.smtp.SmtpHandler;
import fr.preau.delivery.internal.smtp.SmtpReply;
import fr.preau.delivery.internal.smtp.SmtpSessionInfo;
import fr.preau.delivery.internal.smtp.SpooledMessage;
import fr.preau.identity.Account;
import fr.preau.mail.DeliveryOutcome;
import fr.preau.mail.FolderRole;
import fr.preau.mail.LocalRecipient;
import fr.preau.mail.MailDelivery;
import fr.preau.mail.QuotaUsage;
import fr.preau.platform.BlobStore;
import fr.preau.platform.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The MX: mail from other servers for the hosted domains. Refuses at RCPT what it cannot take
 * (unknown address {@code 550 5.1.1}, disabled account {@code 550 5.2.1}, full mailbox
 * {@code 452 4.2.2}, another domain {@code 554 5.7.1}); at DATA checks SPF, DKIM and DMARC,
 * refuses what the sender's domain asks to reject, files spam into Indésirables, and answers
 * {@code 250} only once the message is stored. A mailbox the message no longer fits gets
 * nothing and the sender a failure notice, while the other recipients receive it.
 */
@Component
public class MxHandler implements SmtpHandler {

    private static final Logger log = LoggerFactory.getLogger(MxHandler.class);

    private final RecipientResolver recipients;
    private final InboundChecks checks;
    private final MailDelivery delivery;
    private final OutboundQueue queue;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String authservId;
    private final Durability durability;

    public MxHandler(RecipientResolver recipients, InboundChecks checks, MailDelivery delivery, OutboundQueue queue,
                     PlatformTransactionManager transactions, Clock clock, InboundNames names, Durability durability) {
        this.recipients = recipients;
        this.checks = checks;
        this.delivery = delivery;
        this.queue = queue;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.authservId = names.authservId();
        this.durability = durability;
    }

    @Override
    public SmtpReply mailFrom(SmtpSessionInfo session, String reversePath, Map<String, String> parameters) {
        return SmtpReply.of(250, "2.1.0", "Sender ok");
    }

    @Override
    public SmtpReply rcptTo(SmtpSessionInfo session, Envelope transaction, String forwardPath, Map<String, String> parameters) {
        String address = forwardPath.equalsIgnoreCase("postmaster") ? "postmaster@" + firstHostedDomainOrNone() : forwardPath;
        Recipient recipient = recipients.resolve(address);
        return switch (recipient) {
            case Recipient.Remote remote -> SmtpReply.of(554, "5.7.1", "Relay access denied: " + remote.domain()
                    + " is not a domain of this server");
            case Recipient.Unknown unknown -> SmtpReply.of(550, "5.1.1", "No such user here");
            case Recipient.Disabled disabled -> SmtpReply.of(550, "5.2.1", "Mailbox disabled, not accepting messages");
            case Recipient.Local local -> fits(local, transaction.declaredSize())
                    ? SmtpReply.of(250, "2.1.5", "Recipient ok")
                    : SmtpReply.of(452, "4.2.2", "Mailbox full, try again later");
        };
    }

    @Override
    public SmtpReply data(SmtpSessionInfo session, Envelope envelope, SpooledMessage message) {
        try {
            InboundChecks.Checked checked = checks.check(session, envelope, message, authservId);
            if (checked.dmarc().result() == DmarcResult.Result.FAIL && checked.dmarc().disposition() == DmarcResult.Policy.REJECT) {
                log.info("SMTP {}: refused by the DMARC policy of {}", session.id(), checked.dmarc().fromDomain());
                return SmtpReply.of(550, "5.7.1", "Rejected by the DMARC policy of " + checked.dmarc().fromDomain());
            }
            if (checked.verdict().reject()) {
                log.info("SMTP {}: refused as spam (score {})", session.id(), checked.verdict().score());
                return SmtpReply.of(550, "5.7.1", "Message refused as spam");
            }
            boolean junk = checked.verdict().spam() || checked.dmarc().disposition() == DmarcResult.Policy.QUARANTINE;
            FolderRole folder = junk ? FolderRole.JUNK : FolderRole.INBOX;
            Map<Long, String> accounts = new LinkedHashMap<>();
            for (String rcpt : envelope.recipients()) {
                String address = rcpt.equalsIgnoreCase("postmaster") ? "postmaster@" + firstHostedDomainOrNone() : rcpt;
                if (recipients.resolve(address) instanceof Recipient.Local local) {
                    for (Account account : local.accounts()) {
                        accounts.putIfAbsent(account.id(), rcpt);
                    }
                }
            }
            if (accounts.isEmpty()) {
                return SmtpReply.of(554, "5.5.1", "No valid recipients");
            }
            BlobStore.Blob blob;
            try (InputStream in = checked.open(message, authservId)) {
                blob = delivery.store(in);
            }
            List<LocalRecipient> local = accounts.keySet().stream().map(id -> new LocalRecipient(id, folder)).toList();
            List<DeliveryOutcome> outcomes = transaction.execute(status -> {
                List<DeliveryOutcome> out = delivery.deliver(blob, local, clock.instant());
                List<OutboundQueue.Undeliverable> full = new ArrayList<>();
                for (DeliveryOutcome o : out) {
                    if (o instanceof DeliveryOutcome.OverQuota) {
                        full.add(new OutboundQueue.Undeliverable(accounts.get(o.accountId()), 552, "5.2.2",
                                "Mailbox full: the message does not fit in the recipient's quota"));
                    }
                }
                if (!full.isEmpty() && full.size() < out.size()) {
                    queue.recordUndeliverable(blob, envelope.nullSender() ? null : envelope.reversePath(), full, null,
                            Locale.FRENCH);
                }
                return out;
            });
            long delivered = outcomes.stream().filter(o -> o instanceof DeliveryOutcome.Delivered).count();
            if (delivered == 0) {
                return SmtpReply.of(552, "5.2.2", "Mailbox full: the message does not fit in the recipient's quota");
            }
            durability.flushCommits();
            log.info("SMTP {}: delivered to {} mailbox(es){}", session.id(), delivered, junk ? " (spam)" : "");
            return SmtpReply.of(250, "2.0.0", "Ok: stored as " + envelope.id());
        } catch (IOException | java.io.UncheckedIOException | org.springframework.dao.DataAccessException
                 | org.springframework.transaction.TransactionException e) {
            // the disk or the database cannot take it now: the client keeps the message and tries again
            log.warn("SMTP {}: message not stored ({})", session.id(), e.toString());
            return SmtpReply.of(451, "4.3.0", "Temporary failure storing the message, try again later");
        }
    }

    private boolean fits(Recipient.Local local, OptionalLong declaredSize) {
        long size = declaredSize.orElse(0);
        for (Account account : local.accounts()) {
            QuotaUsage usage = delivery.usage(account.id());
            if (usage.usedBytes() >= usage.limitBytes() || !usage.fits(size)) {
                return false;
            }
        }
        return true;
    }

    private String firstHostedDomainOrNone() {
        return recipients.firstHostedDomain().orElse("invalid");
    }
}
