package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.outbound.QueueRepository.MessageRow;
import fr.preau.delivery.internal.outbound.QueueRepository.Notice;
import fr.preau.delivery.internal.outbound.QueueRepository.RecipientRow;
import fr.preau.platform.BlobStore;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the delivery status notifications the worker marked as due ({@code notice_pending}):
 * for each message, one notice per kind (failed, delayed, delivered) listing the recipients
 * concerned, handed to the {@link NoticeSink}. Taking the marks and handing the notices over
 * happen in one transaction: if the sink fails, the marks stay and the notices are sent on a
 * later pass. A message with the null sender never gets one (no notice about a notice).
 */
final class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    private static final int BATCH = 100;

    private final QueueRepository repository;
    private final BlobStore blobs;
    private final DsnWriter writer;
    private final NoticeSink sink;
    private final TransactionTemplate transaction;

    Notices(QueueRepository repository, BlobStore blobs, DsnWriter writer, NoticeSink sink, TransactionTemplate transaction) {
        this.repository = repository;
        this.blobs = blobs;
        this.writer = writer;
        this.sink = sink;
        this.transaction = transaction;
    }

    /** Sends every pending notice; returns how many notices went out. */
    int sendPending() {
        int sent = 0;
        List<Long> failedBefore = new ArrayList<>();
        while (true) {
            List<Long> messages = repository.messagesWithNotices(BATCH + failedBefore.size());
            messages.removeAll(failedBefore);
            if (messages.isEmpty()) {
                return sent;
            }
            for (long messageId : messages) {
                try {
                    Integer n = transaction.execute(status -> send(messageId));
                    sent += n == null ? 0 : n;
                } catch (RuntimeException e) {
                    // the marks stay: tried again on the next pass
                    log.warn("Cannot send the delivery notices of queued message {}: {}", messageId, e.toString());
                    failedBefore.add(messageId);
                }
            }
            if (messages.size() < BATCH) {
                return sent;
            }
        }
    }

    private int send(long messageId) {
        Optional<MessageRow> found = repository.message(messageId);
        if (found.isEmpty()) {
            return 0;
        }
        MessageRow message = found.get();
        Map<Notice, List<RecipientRow>> byKind = new EnumMap<>(Notice.class);
        for (RecipientRow r : repository.pendingNotices(messageId)) {
            if (repository.takeNotice(r.id(), r.noticePending())) {
                byKind.computeIfAbsent(r.noticePending(), k -> new ArrayList<>()).add(r);
            }
        }
        if (message.sender() == null) {
            return 0;
        }
        RawMessage original = blob(message);
        int sent = 0;
        for (Map.Entry<Notice, List<RecipientRow>> kind : byKind.entrySet()) {
            byte[] dsn;
            try {
                dsn = writer.write(message, kind.getKey(), kind.getValue(), original);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot write a delivery status notification", e);
            }
            sink.deliver(dsn, message.sender());
            log.info("Sent a {} notice about queued message {} ({} recipient(s)) to its sender",
                    kind.getKey().column(), messageId, kind.getValue().size());
            sent++;
        }
        return sent;
    }

    private RawMessage blob(MessageRow message) {
        if (!blobs.exists(message.blobHash())) {
            // should not happen (the queue references it): a notice without the original then
            return RawMessage.of(new byte[0]);
        }
        return new RawMessage() {
            @Override
            public long size() {
                return message.size();
            }

            @Override
            public InputStream open() throws IOException {
                return blobs.open(message.blobHash());
            }
        };
    }
}
