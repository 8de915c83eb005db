package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.outbound.QueueRepository.NewMessage;
import fr.preau.delivery.internal.outbound.QueueRepository.NewRecipient;
import fr.preau.platform.AfterCommit;
import fr.preau.platform.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound queue: mail for addresses outside the hosted domains waits here, in the
 * database, until a {@link QueueWorker} of some node has delivered it or given up.
 *
 * <p>{@link #enqueue} runs in the caller's transaction when there is one (an SMTP server
 * answers {@code 250} only after it commits, so an acknowledged message is always queued) and
 * wakes the local worker once it commits. The raw bytes must have been written to the
 * {@link BlobStore} before; the queue claims the blob in the same transaction.
 *
 * <p>Operations on the queue (listing, retrying, cancelling) are {@link QueueOperations}.
 */
@Service
public class OutboundQueue {

    /** RFC 3461 NOTIFY values: when the sender wants a notice. */
    public enum Notify { SUCCESS, FAILURE, DELAY, NEVER }

    /** RFC 3461 RET: what of the message a failure notice returns. */
    public enum Ret { FULL, HDRS }

    /**
     * One envelope recipient, with its RFC 3461 options: {@code notifyWhen} (empty: failures and
     * delays, the default), {@code originalRecipient} (ORCPT, e.g. {@code rfc822;a@b.fr}, or null).
     */
    public record Recipient(String address, Set<Notify> notifyWhen, String originalRecipient) {
        public Recipient {
            notifyWhen = notifyWhen == null ? Set.of() : Set.copyOf(notifyWhen);
            if (notifyWhen.contains(Notify.NEVER) && notifyWhen.size() > 1) {
                throw new IllegalArgumentException("NOTIFY=NEVER excludes the other values");
            }
        }

        public static Recipient of(String address) {
            return new Recipient(address, Set.of(), null);
        }
    }

    /**
     * A message to queue: its stored bytes, envelope sender (null or empty: the null
     * reverse-path), recipients, submitting account (null for relayed mail and notices),
     * language of notices, and the RFC 3461 RET and ENVID (null when not given).
     */
    public record Submission(BlobStore.Blob blob, String sender, List<Recipient> recipients, Long accountId,
                             Locale locale, Ret ret, String envid) {
        public Submission {
            recipients = List.copyOf(recipients);
        }
    }

    private final QueueRepository repository;
    private final BlobStore blobs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Runnable wake;

    @Autowired
    OutboundQueue(QueueRepository repository, BlobStore blobs, PlatformTransactionManager transactions, Clock clock,
                  ObjectProvider<QueueWorker> workers) {
        this(repository, blobs, new TransactionTemplate(transactions), clock, () -> workers.ifAvailable(QueueWorker::wake));
    }

    /** {@code wake} is run after each enqueue commits (the local worker's wake-up). */
    OutboundQueue(QueueRepository repository, BlobStore blobs, TransactionTemplate transaction, Clock clock,
                  Runnable wake) {
        this.repository = repository;
        this.blobs = blobs;
        this.transaction = transaction;
        this.clock = clock;
        this.wake = wake;
    }

    /**
     * Queues {@code blob} from {@code sender} (null: the null sender) for {@code recipients},
     * submitted by {@code accountId} (null if none), notices to be written in {@code locale}
     * first. Returns the message's queue id.
     *
     * @throws IllegalArgumentException if there is no recipient or an address is not one
     */
    public long enqueue(BlobStore.Blob blob, String sender, List<String> recipients, Long accountId, Locale locale) {
        return enqueue(new Submission(blob, sender, recipients.stream().map(Recipient::of).toList(), accountId, locale,
                null, null));
    }

    /** Queues a message with its delivery status notification options; returns its queue id. */
    public long enqueue(Submission submission) {
        if (submission.recipients().isEmpty()) {
            throw new IllegalArgumentException("no recipient");
        }
        String sender = submission.sender() == null || submission.sender().isBlank()
                || submission.sender().strip().equals("<>") ? null : OutboundAddress.parse(submission.sender()).address();
        Map<String, NewRecipient> recipients = new LinkedHashMap<>();
        for (Recipient r : submission.recipients()) {
            OutboundAddress address = OutboundAddress.parse(r.address());
            String notify = r.notifyWhen().isEmpty() ? null
                    : r.notifyWhen().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
            recipients.putIfAbsent(address.address().toLowerCase(Locale.ROOT), new NewRecipient(address.address(),
                    address.domain(), notify, clean(r.originalRecipient(), 500)));
        }
        Locale locale = submission.locale() != null && "en".equals(submission.locale().getLanguage())
                ? Locale.ENGLISH : Locale.FRENCH;
        NewMessage message = new NewMessage(submission.blob().hash(), submission.blob().size(), sender,
                submission.accountId(), clock.instant(), locale,
                submission.ret() == null ? null : submission.ret().name(), clean(submission.envid(), 100));
        Long id = transaction.execute(status -> {
            blobs.claim(submission.blob());
            long queued = repository.insert(message, List.copyOf(recipients.values()));
            afterCommit(wake);
            return queued;
        });
        return id;
    }

    /** A recipient refused after the message was accepted for others, with the reply it would have had. */
    public record Undeliverable(String address, int code, String enhancedCode, String text) {}

    /**
     * Records a message some of whose recipients could not take it once it was received (a local
     * mailbox over quota after DATA, when SMTP can no longer refuse one recipient): they are
     * stored as failed, and the sender gets the usual failure notice from the worker. Nothing
     * is sent to them. Joins the caller's transaction.
     */
    public long recordUndeliverable(BlobStore.Blob blob, String sender, List<Undeliverable> failed, Long accountId,
                                    Locale locale) {
        boolean notify = sender != null && !sender.isBlank() && !sender.strip().equals("<>");
        // one transaction: the worker must never see these recipients as queued
        return transaction.execute(status -> {
            long id = enqueue(new Submission(blob, sender, failed.stream().map(f -> Recipient.of(f.address())).toList(),
                    accountId, locale, null, null));
            for (Undeliverable f : failed) {
                repository.failAtReceipt(id, OutboundAddress.parse(f.address()).address(),
                        new SmtpReply(f.code(), f.enhancedCode(), f.text()), clock.instant(), notify);
            }
            return id;
        });
    }

    /**
     * Queues a delivery status notification for remote delivery, with the null sender (so that
     * its own failure is never notified): for a sender outside the hosted domains, or when no
     * {@link NoticeSink} delivers locally.
     */
    public long enqueueNotice(byte[] dsn, String recipient) {
        BlobStore.Blob blob;
        try {
            blob = blobs.write(new ByteArrayInputStream(dsn));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return enqueue(blob, null, List.of(recipient), null, Locale.FRENCH);
    }

    // ---- helpers

    /** Runs {@code action} once the current transaction commits (at once without one). */
    static void afterCommit(Runnable action) {
        AfterCommit.run(action);
    }

    private static String clean(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replaceAll("[^\\x21-\\x7e]", "");
        return v.length() > max ? v.substring(0, max) : v;
    }
}
