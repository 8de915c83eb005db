package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.ContactRepository;
import fr.preau.platform.web.ClientInfo;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Tells an agent that a password or a security setting of their account changed: a message, in
 * French then English, to the account's own address and to its verified backup address (and to
 * the previous one when that is what changed), saying what, when, from which address and device,
 * and what to do if it was not them. A notice that cannot be sent never undoes the change.
 */
@Service
public class SecurityNotices {

    /** What changed; each has a {@code security-notice.change.<name>} text. */
    public enum Change {
        PASSWORD_CHANGED, PASSWORD_RESET, BACKUP_EMAIL_CHANGED, MOBILE_CHANGED, SECURITY_QUESTIONS_CHANGED,
        TWO_FACTOR_ENABLED, TWO_FACTOR_DISABLED, RECOVERY_CODES_REGENERATED, APP_PASSWORD_CREATED, APP_PASSWORD_REVOKED
    }

    private static final Logger log = LoggerFactory.getLogger(SecurityNotices.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final AccountMail mail;
    private final MessageSource messages;
    private final Clock clock;

    SecurityNotices(AccountRepository accounts, ContactRepository contacts, AccountMail mail, MessageSource messages,
                    Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    public void changed(long accountId, Change change, ClientInfo client) {
        changed(accountId, change, client, null);
    }

    /** As {@link #changed(long, Change, ClientInfo)}, also telling {@code previousBackupEmail} (the address just replaced). */
    public void changed(long accountId, Change change, ClientInfo client, String previousBackupEmail) {
        Account account = accounts.byId(accountId).orElse(null);
        if (account == null) {
            return;
        }
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(account.email());
        contacts.of(accountId).filter(RecoveryContacts::backupEmailVerified).ifPresent(c -> recipients.add(c.backupEmail()));
        if (previousBackupEmail != null && !previousBackupEmail.isBlank()) {
            recipients.add(previousBackupEmail);
        }
        String subject = text("security-notice.subject", Locale.FRENCH, label(change, Locale.FRENCH)) + " / "
                + text("security-notice.subject", Locale.ENGLISH, label(change, Locale.ENGLISH));
        String body = body(account, change, client, Locale.FRENCH) + "\n\n-- \n\n" + body(account, change, client, Locale.ENGLISH);
        for (String recipient : recipients) {
            try {
                mail.send(account, recipient, subject, body);
            } catch (RuntimeException e) {
                log.warn("Security notice {} for account {} not sent to one of its addresses ({})", change, accountId,
                        e.toString());
            }
        }
    }

    private String body(Account account, Change change, ClientInfo client, Locale locale) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZONE).format(clock.instant());
        String device = client == null ? "?" : Devices.describe(client.userAgent());
        String ip = client == null || client.ip() == null ? "?" : client.ip();
        return text("security-notice.body", locale, account.firstName(), label(change, locale), when, ip, device,
                account.login());
    }

    private String label(Change change, Locale locale) {
        return text("security-notice.change." + change.name(), locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
