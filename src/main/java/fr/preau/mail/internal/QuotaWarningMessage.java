package fr.preau.mail.internal;

import fr.preau.identity.Account;
import fr.preau.mail.QuotaUsage;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The message that tells an agent the mailbox is nearly full, in French then English. */
@Component
public class QuotaWarningMessage {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource messages;
    private final Clock clock;

    public QuotaWarningMessage(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] build(Account account, QuotaUsage usage) {
        try {
            String domain = account.email().substring(account.email().indexOf('@') + 1);
            Object[] args = {account.firstName(), usage.percent(), megabytes(usage.usedBytes()), usage.limitMegabytes()};
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("no-reply@" + domain, text("mail.quota-warning.from", FRENCH), "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(account.email(), account.displayName(), "UTF-8"));
            message.setSubject(text("mail.quota-warning.subject", FRENCH, args) + " / "
                    + text("mail.quota-warning.subject", ENGLISH, args), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Priority", "2");
            message.setText(text("mail.quota-warning.body", FRENCH, args) + "\n\n-- \n\n"
                    + text("mail.quota-warning.body", ENGLISH, args) + "\n", "UTF-8");
            message.saveChanges();
            message.setHeader("Message-ID", "<quota-" + UUID.randomUUID() + "@" + domain + ">");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the quota warning", e);
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
