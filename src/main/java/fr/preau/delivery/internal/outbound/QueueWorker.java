package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.delivery.internal.outbound.QueueRepository.Due;
import fr.preau.delivery.internal.outbound.QueueRepository.MessageRow;
import fr.preau.delivery.internal.outbound.QueueRepository.Notice;
import fr.preau.delivery.internal.outbound.QueueRepository.RecipientRow;
import fr.preau.delivery.internal.outbound.RecipientResult.Outcome;
import fr.preau.platform.BlobStore;
import fr.preau.platform.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbound queue. Each pass takes the recipients that are due, groups them by
 * message and domain, claims each group with a lease, delivers it through the
 * {@link RemoteTransport} (one connection per group, at most {@code concurrency} at once),
 * and records every recipient's outcome: delivered, deferred until the next retry, or failed
 * (with a notice to the sender). Then it marks delay warnings, sends pending notices and
 * purges what finished long ago.
 *
 * <p>Delivery is at least once: a node that dies mid-delivery leaves leased recipients, which
 * another worker takes when the lease runs out; the message may then be sent twice, never
 * lost. In the server a background thread runs a pass when woken (after each enqueue) and
 * every {@code poll-interval} otherwise; tests call {@link #runOnce} themselves.
 */
public class QueueWorker implements SmartLifecycle, AutoCloseable {

    /** Recipients given to one SMTP transaction at most (RFC 5321 asks servers to take 100). */
    static final int MAX_RECIPIENTS = 100;
    private static final int BATCH = 200;
    private static final int MAX_BATCHES_PER_PASS = 100;

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

    /** What one pass did. */
    record Pass(int delivered, int deferred, int failed, int notices) {}

    private final QueueRepository repository;
    private final BlobStore blobs;
    private final RemoteTransport transport;
    private final OutboundSigner signer;
    private final Notices notices;
    private final RetryPolicy policy;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final String owner;
    private final Durability durability;
    private final ExecutorService deliveries;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile Thread loop;
    private volatile boolean running;

    QueueWorker(QueueRepository repository, BlobStore blobs, RemoteTransport transport, OutboundSigner signer,
                Notices notices, RetryPolicy policy, TransactionTemplate transaction, Clock clock,
                DeliveryProperties properties, Durability durability) {
        this.durability = durability;
        this.repository = repository;
        this.blobs = blobs;
        this.transport = transport;
        this.signer = signer;
        this.notices = notices;
        this.policy = policy;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
        this.owner = truncate(properties.hostname(), 60) + "/" + UUID.randomUUID();
        // platform threads: Angus Mail blocks on sockets inside synchronized methods, which would
        // pin virtual threads' carriers on JDK 21
        AtomicInteger threads = new AtomicInteger();
        this.deliveries = Executors.newFixedThreadPool(properties.concurrency(),
                r -> Thread.ofPlatform().name("outbound-delivery-" + threads.incrementAndGet()).daemon(true).unstarted(r));
    }

    /** This worker's name in leases. */
    String owner() {
        return owner;
    }

    /** Asks the background loop for a pass now (e.g. a message was queued). */
    public void wake() {
        wakeUps.release();
    }

    /** Delivers everything due now, then notices and housekeeping; returns what it did. */
    Pass runOnce() {
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger deferred = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            List<Due> due = repository.due(clock.instant(), BATCH);
            if (due.isEmpty()) {
                break;
            }
            List<Future<?>> running = new ArrayList<>();
            for (Group group : groups(due)) {
                running.add(deliveries.submit(() -> {
                    try {
                        Map<Outcome, Integer> counts = deliver(group);
                        delivered.addAndGet(counts.getOrDefault(Outcome.DELIVERED, 0));
                        deferred.addAndGet(counts.getOrDefault(Outcome.TEMPORARY, 0));
                        failed.addAndGet(counts.getOrDefault(Outcome.PERMANENT, 0));
                    } catch (RuntimeException e) {
                        // the recipients stay leased: another attempt when the lease runs out
                        log.error("Delivery of queued message {} to {} failed unexpectedly", group.messageId(),
                                group.domain(), e);
                    }
                }));
            }
            for (Future<?> f : running) {
                await(f);
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        int warned = repository.markDelayWarnings(clock.instant().minus(properties.delayWarning()));
        if (warned > 0) {
            log.info("{} queued recipient(s) still undelivered after {}: their senders are warned", warned,
                    properties.delayWarning());
        }
        int sent = notices.sendPending();
        int purged = repository.purgeFinished(clock.instant().minus(properties.keepFinished()));
        if (purged > 0) {
            log.debug("Purged {} finished message(s) from the outbound queue", purged);
        }
        return new Pass(delivered.get(), deferred.get(), failed.get(), sent);
    }

    /** Recipients of one message at one domain, delivered in one SMTP transaction. */
    private record Group(long messageId, String domain, List<Long> recipientIds) {}

    /** Due recipients by message and domain, at most {@link #MAX_RECIPIENTS} to a group. */
    private static List<Group> groups(List<Due> due) {
        Map<String, List<Due>> byKey = new LinkedHashMap<>();
        for (Due d : due) {
            byKey.computeIfAbsent(d.messageId() + " " + d.domain(), k -> new ArrayList<>()).add(d);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Due> same : byKey.values()) {
            for (int from = 0; from < same.size(); from += MAX_RECIPIENTS) {
                List<Long> ids = same.subList(from, Math.min(same.size(), from + MAX_RECIPIENTS)).stream()
                        .map(Due::recipientId).toList();
                groups.add(new Group(same.get(0).messageId(), same.get(0).domain(), ids));
            }
        }
        return groups;
    }

    /** Claims, delivers and records one group; returns the outcomes recorded (failed includes given up). */
    private Map<Outcome, Integer> deliver(Group group) {
        long messageId = group.messageId();
        String domain = group.domain();
        List<Long> candidates = group.recipientIds();
        Instant claimedAt = clock.instant();
        Instant until = claimedAt.plus(properties.lease());
        List<Long> claimed = candidates.stream().filter(id -> repository.claim(id, owner, until, claimedAt)).toList();
        if (claimed.isEmpty()) {
            return Map.of();
        }
        Optional<MessageRow> found = repository.message(messageId);
        if (found.isEmpty()) {
            return Map.of();
        }
        MessageRow message = found.get();
        List<RecipientRow> recipients = repository.recipients(claimed);
        List<String> addresses = recipients.stream().map(RecipientRow::address).toList();
        List<RecipientResult> results;
        RawMessage raw = blob(message);
        if (!blobs.exists(message.blobHash())) {
            log.error("The content of queued message {} is missing (blob {})", messageId, message.blobHash());
            SmtpReply lost = SmtpReply.local(554, "5.3.0", "The message content was lost on the sending server");
            results = addresses.stream().map(a -> new RecipientResult(a, Outcome.PERMANENT, lost, null)).toList();
        } else {
            results = transport.deliver(raw.withPrefix(signature(message, raw)), message.sender(), addresses, domain);
        }
        Map<String, RecipientResult> byAddress = new HashMap<>();
        for (RecipientResult r : results) {
            byAddress.put(r.recipient().toLowerCase(Locale.ROOT), r);
        }
        Map<Outcome, Integer> counts = new HashMap<>();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (RecipientRow row : recipients) {
                RecipientResult result = byAddress.get(row.address().toLowerCase(Locale.ROOT));
                if (result == null) {
                    result = new RecipientResult(row.address(), Outcome.TEMPORARY,
                            SmtpReply.local(451, "4.3.0", "No result for this recipient"), null);
                }
                Outcome recorded = record(message, row, result, now);
                counts.merge(recorded, 1, Integer::sum);
            }
        });
        // "delivered" made durable at once: after a crash, only what was in flight is sent again
        durability.flushCommits();
        log.info("Queued message {} to {}: {} delivered, {} deferred, {} failed{}", messageId, domain,
                counts.getOrDefault(Outcome.DELIVERED, 0), counts.getOrDefault(Outcome.TEMPORARY, 0),
                counts.getOrDefault(Outcome.PERMANENT, 0),
                results.isEmpty() || results.get(0).remoteMta() == null ? "" : " (" + results.get(0).remoteMta() + ")");
        return counts;
    }

    /** Writes one outcome; returns it as recorded (a temporary failure past the window is a failure). */
    private Outcome record(MessageRow message, RecipientRow row, RecipientResult result, Instant now) {
        boolean notifiable = message.sender() != null;
        switch (result.outcome()) {
            case DELIVERED -> {
                repository.finished(row.id(), owner, Status.DELIVERED, now, result.reply(), result.remoteMta(),
                        notifiable && wants(row, OutboundQueue.Notify.SUCCESS) ? Notice.DELIVERED : null);
                return Outcome.DELIVERED;
            }
            case PERMANENT -> {
                repository.finished(row.id(), owner, Status.FAILED, now, result.reply(), result.remoteMta(),
                        notifiable && wants(row, OutboundQueue.Notify.FAILURE) ? Notice.FAILED : null);
                return Outcome.PERMANENT;
            }
            default -> {
                Instant next = policy.nextAttempt(message.createdAt(), row.attempts() + 1, now);
                if (next == null) {
                    repository.finished(row.id(), owner, Status.FAILED, now, result.reply(), result.remoteMta(),
                            notifiable && wants(row, OutboundQueue.Notify.FAILURE) ? Notice.FAILED : null);
                    return Outcome.PERMANENT;
                }
                repository.deferred(row.id(), owner, now, next, result.reply(), result.remoteMta());
                return Outcome.TEMPORARY;
            }
        }
    }

    /** Whether the recipient's NOTIFY asks for this notice (by default: failures and delays). */
    static boolean wants(RecipientRow row, OutboundQueue.Notify kind) {
        if (row.dsnNotify() == null || row.dsnNotify().isBlank()) {
            return kind == OutboundQueue.Notify.FAILURE || kind == OutboundQueue.Notify.DELAY;
        }
        return List.of(row.dsnNotify().split(",")).contains(kind.name());
    }

    /** The DKIM signature header for this delivery; none if signing fails (the message still goes). */
    private byte[] signature(MessageRow message, RawMessage raw) {
        String senderDomain = message.sender() == null ? null
                : message.sender().substring(message.sender().lastIndexOf('@') + 1);
        try (InputStream in = raw.open()) {
            byte[] header = signer.headerFor(in, senderDomain);
            return header == null ? new byte[0] : header;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot sign queued message {}: sent unsigned ({})", message.id(), e.toString());
            return new byte[0];
        }
    }

    private RawMessage blob(MessageRow message) {
        return new RawMessage() {
            @Override
            public long size() {
                return message.size();
            }

            @Override
            public InputStream open() throws IOException {
                try {
                    return blobs.open(message.blobHash());
                } catch (NoSuchFileException e) {
                    throw new IOException("the content of queued message " + message.id() + " is missing", e);
                }
            }
        };
    }

    // ---- the background loop (server only)

    @Override
    public void start() {
        running = true;
        loop = Thread.ofPlatform().name("outbound-queue").daemon(true).start(this::loop);
    }

    private void loop() {
        Duration poll = properties.pollInterval();
        while (running) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("Outbound queue pass failed", e);
            }
            try {
                if (wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = loop;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the loop and the delivery threads (the end of the application, or of a test). */
    @Override
    public void close() {
        stop();
        deliveries.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            log.error("Delivery task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
