package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedMessage;
import fr.preau.delivery.QueuedRecipient;
import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.delivery.internal.outbound.QueueRepository.MessageRow;
import fr.preau.delivery.internal.outbound.QueueRepository.RecipientRow;
import fr.preau.platform.AuditLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link MailQueue}, the operations side of the outbound queue: listings for {@code preau
 * admin queue} and an account's mail status, retrying now (the local worker, if any, is woken
 * after the commit; others see it on their next poll), and cancelling. Retries and
 * cancellations are audited. Needs only the database, not the blob store.
 */
@Service
class QueueOperations implements MailQueue {

    private final QueueRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Runnable wake;
    private fr.preau.platform.BlobStore blobs;

    @Autowired
    QueueOperations(QueueRepository repository, AuditLog audit, PlatformTransactionManager transactions, Clock clock,
                    ObjectProvider<QueueWorker> workers, fr.preau.platform.BlobStore blobs) {
        this(repository, audit, new TransactionTemplate(transactions), clock, () -> workers.ifAvailable(QueueWorker::wake));
        this.blobs = blobs;
    }

    QueueOperations(QueueRepository repository, AuditLog audit, TransactionTemplate transaction, Clock clock,
                    Runnable wake) {
        this.repository = repository;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.wake = wake;
    }

    /** @throws IllegalArgumentException if the filter's domain is not a domain name */
    @Override
    public List<QueuedMessage> list(Filter filter) {
        Filter normalised = filter.domain() == null ? filter : filter.domain(OutboundAddress.domain(filter.domain()));
        List<Long> ids = repository.matching(normalised);
        Map<Long, List<QueuedRecipient>> recipients = new LinkedHashMap<>();
        for (RecipientRow r : repository.recipientsOf(ids, normalised)) {
            recipients.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(view(r));
        }
        return repository.messages(ids).stream()
                .map(m -> view(m, recipients.getOrDefault(m.id(), List.of())))
                .toList();
    }

    @Override
    public Optional<QueuedMessage> find(long messageId) {
        return repository.message(messageId)
                .map(m -> view(m, repository.recipientsOf(messageId).stream().map(QueueOperations::view).toList()));
    }

    @Override
    public Optional<byte[]> systemMessage(long messageId) {
        return repository.message(messageId).filter(m -> m.sender() == null && blobs != null).map(m -> {
            try (java.io.InputStream in = blobs.open(m.blobHash())) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public Map<Status, Long> counts() {
        return repository.counts();
    }

    @Override
    public int retry(String actor, long messageId) {
        Integer made = transaction.execute(status -> {
            int n = repository.retryMessage(messageId, clock.instant());
            if (n > 0) {
                audit.record(AuditLog.Entry.of(actor, "OUTBOUND_RETRIED")
                        .account(repository.message(messageId).map(MessageRow::accountId).orElse(null))
                        .details("message " + messageId + ", " + n + " recipient(s)"));
                OutboundQueue.afterCommit(wake);
            }
            return n;
        });
        return made == null ? 0 : made;
    }

    @Override
    public int retryAllDeferred(String actor) {
        Integer made = transaction.execute(status -> {
            int n = repository.retryAllDeferred(clock.instant());
            audit.record(AuditLog.Entry.of(actor, "OUTBOUND_RETRIED").details("all deferred, " + n + " recipient(s)"));
            OutboundQueue.afterCommit(wake);
            return n;
        });
        return made == null ? 0 : made;
    }

    @Override
    public boolean cancel(String actor, long messageId) {
        Boolean done = transaction.execute(status -> {
            Optional<MessageRow> message = repository.message(messageId);
            if (message.isEmpty()) {
                return false;
            }
            List<RecipientRow> recipients = repository.recipientsOf(messageId);
            long pending = recipients.stream().filter(r -> r.status().pending()).count();
            repository.delete(messageId);
            audit.record(AuditLog.Entry.of(actor, "OUTBOUND_CANCELLED").account(message.get().accountId())
                    .details("message " + messageId + " from " + (message.get().sender() == null ? "<>"
                            : message.get().sender()) + ", " + recipients.size() + " recipient(s), " + pending
                            + " not delivered"));
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    private static QueuedMessage view(MessageRow m, List<QueuedRecipient> recipients) {
        return new QueuedMessage(m.id(), m.sender(), m.accountId(), m.size(), m.createdAt(), recipients);
    }

    private static QueuedRecipient view(RecipientRow r) {
        return new QueuedRecipient(r.id(), r.address(), r.domain(), r.status(), r.attempts(),
                r.status().pending() ? r.nextAttemptAt() : null, r.lastAttemptAt(), r.lastReply(), r.remoteMta(),
                r.delayWarned(), r.finishedAt());
    }
}
