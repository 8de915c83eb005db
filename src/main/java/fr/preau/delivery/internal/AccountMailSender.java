package fr.preau.delivery.internal;

import fr.preau.delivery.internal.inbound.Recipient;
import fr.preau.delivery.internal.inbound.RecipientResolver;
import fr.preau.delivery.internal.outbound.OutboundQueue;
import fr.preau.identity.Account;
import fr.preau.identity.AccountMail;
import fr.preau.mail.FolderRole;
import fr.preau.mail.LocalRecipient;
import fr.preau.mail.MailDelivery;
import fr.preau.platform.BlobStore;
import fr.preau.platform.Durability;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Identity's system mail ({@link AccountMail}): a plain text message from {@code no-reply@} the
 * account's domain, marked auto-generated; into the INBOX of a local address whatever its quota
 * (a recovery code or a security notice must arrive), else queued for remote delivery with the
 * null sender (nothing may bounce back to no-reply@). Durable when it returns.
 */
@Component
class AccountMailSender implements AccountMail {

    private final RecipientResolver recipients;
    private final MailDelivery delivery;
    private final ObjectProvider<OutboundQueue> queue;
    private final Durability durability;
    private final Clock clock;

    AccountMailSender(RecipientResolver recipients, MailDelivery delivery, ObjectProvider<OutboundQueue> queue,
                      Durability durability, Clock clock) {
        this.recipients = recipients;
        this.delivery = delivery;
        this.queue = queue;
        this.durability = durability;
        this.clock = clock;
    }

    @Override
    public void send(Account account, String recipient, String subject, String text) {
        byte[] message = build(account, recipient, subject, text);
        switch (recipients.resolve(recipient)) {
            case Recipient.Local local -> {
                BlobStore.Blob blob = delivery.store(new ByteArrayInputStream(message));
                delivery.deliverIgnoringQuota(blob, local.accounts().stream()
                        .map(a -> new LocalRecipient(a.id(), FolderRole.INBOX)).toList(), clock.instant());
            }
            case Recipient.Remote remote -> queue.getObject().enqueueNotice(message, recipient);
            case Recipient.Unknown unknown -> throw new IllegalArgumentException("no such local address");
            case Recipient.Disabled disabled -> throw new IllegalArgumentException("local address disabled");
        }
        durability.flushCommits();
    }

    private byte[] build(Account account, String recipient, String subject, String text) {
        try {
            String domain = account.email().substring(account.email().indexOf('@') + 1);
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("no-reply@" + domain, "Préau", "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setText(text + "\n", "UTF-8");
            message.saveChanges();
            message.setHeader("Message-ID", "<account-" + UUID.randomUUID() + "@" + domain + ">");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot build a system message", e);
        }
    }
}
