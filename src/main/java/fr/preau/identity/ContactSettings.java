package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.ContactRepository;
import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.identity.internal.RecoveryProperties;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recovery contacts in the security settings: changing the backup address or the mobile
 * needs the current password and sends a code there; the contact counts for recovery only once
 * that code is typed back. Each change is audited and notified (also to the address replaced).
 */
@Service
public class ContactSettings {

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final OneTimeCodes codes;
    private final RecoveryProperties recovery;
    private final PasswordHasher hasher;
    private final Tenancy tenancy;
    private final AccountMail mail;
    private final SmsGateway sms;
    private final SecurityNotices notices;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    ContactSettings(AccountRepository accounts, ContactRepository contacts, OneTimeCodes codes, RecoveryProperties recovery,
                    PasswordHasher hasher, Tenancy tenancy, AccountMail mail, SmsGateway sms, SecurityNotices notices,
                    MessageSource messages, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.codes = codes;
        this.recovery = recovery;
        this.hasher = hasher;
        this.tenancy = tenancy;
        this.mail = mail;
        this.sms = sms;
        this.notices = notices;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long a verification code stays valid, in minutes (the pages say it). */
    public long codeValidityMinutes() {
        return recovery.codeValidity().toMinutes();
    }

    public RecoveryContacts of(long accountId) {
        return contacts.of(accountId).orElseThrow();
    }

    /**
     * The administration vouches for the contacts it provisioned (a migration from a system that
     * had verified them, or the demo): both count for recovery at once. Audited under {@code actor}.
     */
    @Transactional
    public void verifiedByAdministration(String actor, long accountId) {
        Account account = accounts.byId(accountId).orElseThrow();
        RecoveryContacts current = of(accountId);
        boolean email = current.backupEmail() != null && contacts.verifyBackupEmail(accountId, current.backupEmail(), clock.instant());
        boolean mobile = current.mobile() != null && contacts.verifyMobile(accountId, current.mobile(), clock.instant());
        if (email || mobile) {
            audit.record(AuditLog.Entry.of(actor, "CONTACTS_VERIFIED_BY_ADMINISTRATION").account(accountId)
                    .details("email=" + email + " mobile=" + mobile + " login=" + account.login()));
        }
    }

    /** A new backup address (blank: none), then a code sent to it. */
    @Transactional
    public List<UserError> changeBackupEmail(long accountId, String currentPassword, String input, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        String email = null;
        if (input != null && !input.isBlank()) {
            email = Contacts.email(input).orElse(null);
            if (email == null) {
                return List.of(UserError.onField("backupEmail", "account.error.backup-email", input.strip()));
            }
            if (email.equalsIgnoreCase(account.email())
                    || tenancy.academyByDomain(email.substring(email.indexOf('@') + 1)).isPresent()) {
                return List.of(UserError.onField("backupEmail", "account.error.backup-email-internal"));
            }
        }
        if (!passwordMatches(account, currentPassword)) {
            return List.of(UserError.onField("emailPassword", "password.error.current-wrong"));
        }
        RecoveryContacts before = of(accountId);
        if (Objects.equals(email, before.backupEmail())) {
            return before.backupEmailVerified() || email == null ? List.of() : sendEmailCode(accountId, client);
        }
        contacts.setBackupEmail(accountId, email);
        audit.record(AuditLog.Entry.of(account.login(), "BACKUP_EMAIL_CHANGED").account(accountId)
                .client(client.ip(), client.userAgent()));
        notices.changed(accountId, SecurityNotices.Change.BACKUP_EMAIL_CHANGED, client,
                before.backupEmailVerified() ? before.backupEmail() : null);
        return email == null ? List.of() : sendEmailCode(accountId, client);
    }

    /** A new mobile number (blank: none), then a code sent to it. */
    @Transactional
    public List<UserError> changeMobile(long accountId, String currentPassword, String input, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        String mobile = null;
        if (input != null && !input.isBlank()) {
            mobile = Contacts.mobile(input).orElse(null);
            if (mobile == null) {
                return List.of(UserError.onField("mobile", "account.error.mobile", input.strip()));
            }
        }
        if (!passwordMatches(account, currentPassword)) {
            return List.of(UserError.onField("mobilePassword", "password.error.current-wrong"));
        }
        RecoveryContacts before = of(accountId);
        if (Objects.equals(mobile, before.mobile())) {
            return before.mobileVerified() || mobile == null ? List.of() : sendMobileCode(accountId, client);
        }
        contacts.setMobile(accountId, mobile);
        audit.record(AuditLog.Entry.of(account.login(), "MOBILE_CHANGED").account(accountId)
                .client(client.ip(), client.userAgent()));
        notices.changed(accountId, SecurityNotices.Change.MOBILE_CHANGED, client);
        return mobile == null ? List.of() : sendMobileCode(accountId, client);
    }

    /** (Re)sends a code to the unverified backup address. */
    @Transactional
    public List<UserError> sendEmailCode(long accountId, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        RecoveryContacts current = of(accountId);
        if (current.backupEmail() == null || current.backupEmailVerified()) {
            return List.of();
        }
        if (tooMany(accountId)) {
            return List.of(UserError.onField("emailCode", "contacts.error.too-many-codes"));
        }
        OneTimeCodes.Issued issued = codes.issue(accountId, OneTimeCodes.Purpose.VERIFY_EMAIL, current.backupEmail(),
                recovery.codeValidity(), false);
        long minutes = recovery.codeValidity().toMinutes();
        mail.send(account, current.backupEmail(),
                text("contacts.email-code.subject", Locale.FRENCH) + " / " + text("contacts.email-code.subject", Locale.ENGLISH),
                text("contacts.email-code.body", Locale.FRENCH, account.firstName(), issued.code(), minutes, account.login())
                        + "\n\n-- \n\n"
                        + text("contacts.email-code.body", Locale.ENGLISH, account.firstName(), issued.code(), minutes, account.login()));
        audit.record(AuditLog.Entry.of(account.login(), "CONTACT_CODE_SENT").account(accountId)
                .client(client.ip(), client.userAgent()).details("channel=email"));
        return List.of();
    }

    /** (Re)sends a code to the unverified mobile. */
    @Transactional
    public List<UserError> sendMobileCode(long accountId, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        RecoveryContacts current = of(accountId);
        if (current.mobile() == null || current.mobileVerified()) {
            return List.of();
        }
        if (tooMany(accountId)) {
            return List.of(UserError.onField("mobileCode", "contacts.error.too-many-codes"));
        }
        OneTimeCodes.Issued issued = codes.issue(accountId, OneTimeCodes.Purpose.VERIFY_MOBILE, current.mobile(),
                recovery.codeValidity(), false);
        try {
            sms.send(accountId, current.mobile(), text("contacts.sms-code", Locale.FRENCH, issued.code(),
                    recovery.codeValidity().toMinutes()));
        } catch (SmsGateway.SmsFailedException e) {
            return List.of(UserError.onField("mobileCode", "contacts.error.sms-failed"));
        }
        audit.record(AuditLog.Entry.of(account.login(), "CONTACT_CODE_SENT").account(accountId)
                .client(client.ip(), client.userAgent()).details("channel=sms"));
        return List.of();
    }

    @Transactional
    public List<UserError> verifyEmail(long accountId, String code, ClientInfo client) {
        return verify(accountId, OneTimeCodes.Purpose.VERIFY_EMAIL, code, "emailCode", client);
    }

    @Transactional
    public List<UserError> verifyMobile(long accountId, String code, ClientInfo client) {
        return verify(accountId, OneTimeCodes.Purpose.VERIFY_MOBILE, code, "mobileCode", client);
    }

    private List<UserError> verify(long accountId, OneTimeCodes.Purpose purpose, String code, String field, ClientInfo client) {
        if (code == null || code.isBlank()) {
            return List.of(UserError.onField(field, "contacts.error.code-missing"));
        }
        Account account = accounts.byId(accountId).orElseThrow();
        return switch (codes.checkCode(accountId, purpose, code)) {
            case OneTimeCodes.Check.Wrong wrong -> List.of(wrong.attemptsLeft() > 0
                    ? UserError.onField(field, "contacts.error.code-wrong", wrong.attemptsLeft())
                    : UserError.onField(field, "contacts.error.code-dead"));
            case OneTimeCodes.Check.Expired expired -> List.of(UserError.onField(field, "contacts.error.code-expired"));
            case OneTimeCodes.Check.AlreadyUsed used -> List.of(UserError.onField(field, "contacts.error.code-dead"));
            case OneTimeCodes.Check.None none -> List.of(UserError.onField(field, "contacts.error.code-dead"));
            case OneTimeCodes.Check.Valid valid -> {
                boolean email = purpose == OneTimeCodes.Purpose.VERIFY_EMAIL;
                boolean marked = codes.consume(valid.code().id()) && (email
                        ? contacts.verifyBackupEmail(accountId, valid.code().target(), clock.instant())
                        : contacts.verifyMobile(accountId, valid.code().target(), clock.instant()));
                if (!marked) {
                    yield List.of(UserError.onField(field, "contacts.error.code-dead"));
                }
                audit.record(AuditLog.Entry.of(account.login(), email ? "BACKUP_EMAIL_VERIFIED" : "MOBILE_VERIFIED")
                        .account(accountId).client(client.ip(), client.userAgent()));
                yield List.of();
            }
        };
    }

    private boolean tooMany(long accountId) {
        return codes.issuedSince(accountId, clock.instant().minus(Duration.ofHours(1))) >= recovery.perAccountPerHour();
    }

    private boolean passwordMatches(Account account, String password) {
        String hash = accounts.credentials(account.login()).map(AccountRepository.Credentials::passwordHash).orElse(null);
        return password != null && !password.isEmpty() && hash != null && hasher.matches(password, hash);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
