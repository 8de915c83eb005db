package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.ContactRepository;
import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.identity.internal.RecoveryProperties;
import fr.preau.platform.AuditLog;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.web.ClientInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A password reset link sent on someone else's initiative (the help desk, after checking the
 * caller's identity) to the account's verified backup address. The link opens the recovery's
 * "choose your new password" page; it works once, for {@code preau.recovery.support-link-validity}.
 */
@Service
public class PasswordResetLinks {

    /** What {@link #send} did. */
    public enum Outcome {
        SENT,
        /** The account has no backup address, or it was never verified: nothing sent. */
        NO_VERIFIED_BACKUP,
        /** The account is not active (pending activation or suspended): nothing sent. */
        NOT_ACTIVE
    }

    /** The path of the page a reset link opens, followed by the token. */
    public static final String LINK_PATH = "/recovery/link/";

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OneTimeCodes codes;
    private final RecoveryProperties recovery;
    private final AccountMail mail;
    private final MessageSource messages;
    private final AuditLog audit;
    private final String publicUrl;

    PasswordResetLinks(AccountRepository accounts, ContactRepository contacts, OneTimeCodes codes,
                       RecoveryProperties recovery, AccountMail mail, MessageSource messages, AuditLog audit,
                       PreauProperties properties) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.codes = codes;
        this.recovery = recovery;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
        this.publicUrl = properties.publicUrl() == null ? "" : properties.publicUrl().replaceAll("/+$", "");
    }

    /** Sends a reset link to the verified backup address of the account, on behalf of {@code actor}. */
    @Transactional
    public Outcome send(long accountId, String actor, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        if (account.status() != AccountStatus.ACTIVE) {
            return Outcome.NOT_ACTIVE;
        }
        RecoveryContacts found = contacts.of(accountId).orElseThrow();
        if (!found.backupEmailVerified()) {
            return Outcome.NO_VERIFIED_BACKUP;
        }
        OneTimeCodes.Issued issued = codes.issue(accountId, OneTimeCodes.Purpose.RESET_LINK, found.backupEmail(),
                recovery.supportLinkValidity(), true);
        String link = publicUrl + LINK_PATH + issued.linkToken();
        String subject = text("reset-link.subject", Locale.FRENCH) + " / " + text("reset-link.subject", Locale.ENGLISH);
        String body = body(account, link, issued, Locale.FRENCH) + "\n\n-- \n\n" + body(account, link, issued, Locale.ENGLISH);
        mail.send(account, found.backupEmail(), subject, body);
        audit.record(AuditLog.Entry.of(actor, "RESET_LINK_SENT").account(accountId)
                .client(client.ip(), client.userAgent()).details("by=" + actor));
        return Outcome.SENT;
    }

    private String body(Account account, String link, OneTimeCodes.Issued issued, Locale locale) {
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZONE).format(issued.expiresAt());
        return text("reset-link.body", locale, account.firstName(), account.login(), link, until);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
