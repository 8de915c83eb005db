package fr.preau.identity.internal;

import fr.preau.identity.Account;
import fr.preau.identity.AccountMail;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Recovery;
import fr.preau.identity.RecoveryContacts;
import fr.preau.identity.SecurityQuestions;
import fr.preau.identity.SmsGateway;
import fr.preau.platform.AuditLog;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.web.ClientInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends what recovery promised to send "if an account matches": a code (and for the e-mail method
 * a link) to the verified contact of the method, or the identifiant to the contact typed when it
 * is a verified one of the account the NUMEN names. Runs in {@link RecoveryBackground}; whether
 * it sent anything is for the account's security events only, never for the page.
 */
@Component
public class RecoverySender {

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OneTimeCodes codes;
    private final RecoveryProperties properties;
    private final RecoveryMessages messages;
    private final AccountMail mail;
    private final SmsGateway sms;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;
    /** Whether the account has security questions (the questions method needs them). */
    private final LongPredicate hasQuestions;

    @Autowired
    RecoverySender(AccountRepository accounts, ContactRepository contacts, OneTimeCodes codes,
                   RecoveryProperties properties, RecoveryMessages messages, AccountMail mail, SmsGateway sms,
                   AuditLog audit, Clock clock, PreauProperties preau, SecurityQuestions questions) {
        this(accounts, contacts, codes, properties, messages, mail, sms, audit, clock, preau.publicUrl(),
                id -> !questions.questionKeys(id).isEmpty());
    }

    public RecoverySender(AccountRepository accounts, ContactRepository contacts, OneTimeCodes codes,
                          RecoveryProperties properties, RecoveryMessages messages, AccountMail mail, SmsGateway sms,
                          AuditLog audit, Clock clock, String publicUrl, LongPredicate hasQuestions) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.codes = codes;
        this.properties = properties;
        this.messages = messages;
        this.mail = mail;
        this.sms = sms;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        this.hasQuestions = hasQuestions;
    }

    /** How long a code of the method stays valid (the e-mail's code shares its row with the link). */
    public Duration validity(Recovery.Method method) {
        return method == Recovery.Method.EMAIL ? properties.linkValidity() : properties.codeValidity();
    }

    /**
     * Sends the method's code to the account, if the account has that method set up and is under
     * its limit; true when a mail left (an SMS, or nothing, is false).
     */
    @Transactional
    public boolean sendCode(long accountId, Recovery.Method method, ClientInfo client) {
        Optional<Account> found = accounts.byId(accountId);
        if (found.isEmpty()) {
            return false;
        }
        Account account = found.get();
        String details = "method=" + Recovery.proofName(method);
        if (account.status() != AccountStatus.ACTIVE) {
            notSent(account, details + " reason=not-active", client);
            return false;
        }
        RecoveryContacts contact = contacts.of(accountId).orElseThrow();
        String missing = switch (method) {
            case EMAIL -> contact.backupEmailVerified() ? null : "no-verified-backup-email";
            case SMS -> contact.mobileVerified() ? null : "no-verified-mobile";
            case QUESTIONS -> !contact.backupEmailVerified() ? "no-verified-backup-email"
                    : hasQuestions.test(accountId) ? null : "no-security-questions";
        };
        if (missing != null) {
            notSent(account, details + " reason=" + missing, client);
            return false;
        }
        if (overLimit(accountId)) {
            notSent(account, details + " reason=account-limit", client);
            return false;
        }
        switch (method) {
            case EMAIL -> {
                OneTimeCodes.Issued issued = codes.issue(accountId, OneTimeCodes.Purpose.RESET_EMAIL,
                        contact.backupEmail(), validity(method), true);
                RecoveryMessages.Mail message = messages.codeAndLink(account, issued.code(),
                        publicUrl + Recovery.LINK_PATH + issued.linkToken(), issued.expiresAt(), client);
                mail.send(account, contact.backupEmail(), message.subject(), message.text());
                sent(account, details + " to=" + Masks.email(contact.backupEmail()), client);
                return true;
            }
            case QUESTIONS -> {
                OneTimeCodes.Issued issued = codes.issue(accountId, OneTimeCodes.Purpose.RESET_QUESTIONS,
                        contact.backupEmail(), validity(method), false);
                RecoveryMessages.Mail message = messages.questionsCode(account, issued.code(), issued.expiresAt(), client);
                mail.send(account, contact.backupEmail(), message.subject(), message.text());
                sent(account, details + " to=" + Masks.email(contact.backupEmail()), client);
                return true;
            }
            case SMS -> {
                OneTimeCodes.Issued issued = codes.issue(accountId, OneTimeCodes.Purpose.RESET_SMS, contact.mobile(),
                        validity(method), false);
                try {
                    sms.send(accountId, contact.mobile(), messages.smsCode(issued.code(), validity(method).toMinutes()));
                } catch (SmsGateway.SmsFailedException e) {
                    codes.revokeAll(accountId);
                    notSent(account, details + " reason=sms-failed", client);
                    return false;
                }
                sent(account, details + " to=" + Masks.mobile(contact.mobile()), client);
                return false;
            }
        }
        return false;
    }

    /**
     * Sends the identifiant of the account with this NUMEN hash to {@code email} or {@code mobile}
     * (one of them is null), if it is the account's verified backup address or mobile; true when a
     * mail left.
     */
    @Transactional
    public boolean sendIdentifier(String numenHash, String email, String mobile, ClientInfo client) {
        Optional<Account> found = accounts.byNumenHash(numenHash);
        if (found.isEmpty()) {
            return false;
        }
        Account account = found.get();
        String channel = email != null ? "email" : "sms";
        if (account.status() != AccountStatus.ACTIVE) {
            reminderNotSent(account, "channel=" + channel + " reason=not-active", client);
            return false;
        }
        RecoveryContacts contact = contacts.of(account.id()).orElseThrow();
        boolean matches = email != null
                ? contact.backupEmailVerified() && contact.backupEmail().equalsIgnoreCase(email)
                : contact.mobileVerified() && contact.mobile().equals(mobile);
        if (!matches) {
            reminderNotSent(account, "channel=" + channel + " reason=not-a-verified-contact", client);
            return false;
        }
        if (overLimit(account.id())) {
            reminderNotSent(account, "channel=" + channel + " reason=account-limit", client);
            return false;
        }
        // a row of its own, used at once: it counts towards the account's hourly limit like a code
        OneTimeCodes.Issued issued = codes.issue(account.id(), OneTimeCodes.Purpose.IDENTIFIER_REMINDER,
                email != null ? email : mobile, properties.codeValidity(), false);
        codes.consume(issued.id());
        if (email != null) {
            RecoveryMessages.Mail message = messages.identifierMail(account, publicUrl + "/login", client);
            mail.send(account, email, message.subject(), message.text());
            audit.record(AuditLog.Entry.of(account.login(), "IDENTIFIER_REMINDER_SENT").account(account.id())
                    .client(client.ip(), client.userAgent()).details("channel=email to=" + Masks.email(email)));
            return true;
        }
        try {
            sms.send(account.id(), mobile, messages.identifierSms(account));
        } catch (SmsGateway.SmsFailedException e) {
            reminderNotSent(account, "channel=sms reason=sms-failed", client);
            return false;
        }
        audit.record(AuditLog.Entry.of(account.login(), "IDENTIFIER_REMINDER_SENT").account(account.id())
                .client(client.ip(), client.userAgent()).details("channel=sms to=" + Masks.mobile(mobile)));
        return false;
    }

    private boolean overLimit(long accountId) {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        return codes.issuedSince(accountId, hourAgo) >= properties.perAccountPerHour();
    }

    private void sent(Account account, String details, ClientInfo client) {
        audit.record(AuditLog.Entry.of(account.login(), "RECOVERY_CODE_SENT").account(account.id())
                .client(client.ip(), client.userAgent()).details(details));
    }

    private void notSent(Account account, String details, ClientInfo client) {
        audit.record(AuditLog.Entry.of(account.login(), "RECOVERY_CODE_NOT_SENT").account(account.id())
                .client(client.ip(), client.userAgent()).details(details));
    }

    private void reminderNotSent(Account account, String details, ClientInfo client) {
        audit.record(AuditLog.Entry.of(account.login(), "IDENTIFIER_REMINDER_NOT_SENT").account(account.id())
                .client(client.ip(), client.userAgent()).details(details));
    }
}
