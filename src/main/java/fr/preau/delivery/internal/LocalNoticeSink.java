package fr.preau.delivery.internal;

import fr.preau.delivery.internal.inbound.Recipient;
import fr.preau.delivery.internal.inbound.RecipientResolver;
import fr.preau.delivery.internal.outbound.NoticeSink;
import fr.preau.delivery.internal.outbound.OutboundQueue;
import fr.preau.mail.FolderRole;
import fr.preau.mail.LocalRecipient;
import fr.preau.mail.MailDelivery;
import fr.preau.platform.BlobStore;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivery status notices to their sender: into the INBOX of a local agent (quota or not: a
 * notice that mail was lost must arrive), else queued for remote delivery with the null sender.
 */
@Component
class LocalNoticeSink implements NoticeSink {

    private final RecipientResolver recipients;
    private final MailDelivery delivery;
    private final ObjectProvider<OutboundQueue> queue;
    private final Clock clock;

    LocalNoticeSink(RecipientResolver recipients, MailDelivery delivery, ObjectProvider<OutboundQueue> queue, Clock clock) {
        this.recipients = recipients;
        this.delivery = delivery;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void deliver(byte[] dsn, String recipient) {
        if (recipients.resolve(recipient) instanceof Recipient.Local local) {
            BlobStore.Blob blob = delivery.store(new ByteArrayInputStream(dsn));
            delivery.deliverIgnoringQuota(blob, local.accounts().stream()
                    .map(a -> new LocalRecipient(a.id(), FolderRole.INBOX)).toList(), clock.instant());
        } else {
            queue.getObject().enqueueNotice(dsn, recipient);
        }
    }
}
