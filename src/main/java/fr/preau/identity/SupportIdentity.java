package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.ActivationCodes;
import fr.preau.identity.internal.ContactRepository;
import fr.preau.identity.internal.NewAccountChecks;
import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.identity.internal.SessionStore;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import org.springframework.context.ApplicationEventPublisher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the help desk may do with an account's identity: find the account a caller describes
 * (by identifiant, address or NUMEN), check a NUMEN the caller reads out against the
 * account's without ever reading it back, and issue a new activation letter. The NUMEN is
 * handled only as the keyed hash accounts keep; callers never see it.
 */
@Service
public class SupportIdentity {

    private final AccountRepository accounts;
    private final NewAccountChecks checks;
    private final ActivationCodes codes;
    private final SessionStore sessions;
    private final ContactRepository contacts;
    private final OneTimeCodes oneTimeCodes;
    private final SecurityNotices notices;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    SupportIdentity(AccountRepository accounts, NewAccountChecks checks, ActivationCodes codes, SessionStore sessions,
                    ContactRepository contacts, OneTimeCodes oneTimeCodes, SecurityNotices notices,
                    ApplicationEventPublisher events, AuditLog audit) {
        this.accounts = accounts;
        this.checks = checks;
        this.codes = codes;
        this.sessions = sessions;
        this.contacts = contacts;
        this.oneTimeCodes = oneTimeCodes;
        this.notices = notices;
        this.events = events;
        this.audit = audit;
    }

    /** The account's recovery contacts and whether each is verified. */
    public Optional<RecoveryContacts> contacts(long accountId) {
        return contacts.of(accountId);
    }

    /**
     * The keyed hash under which accounts keep a NUMEN (the same key, the same normal form),
     * or empty when the text is not a well-formed NUMEN.
     */
    public Optional<String> numenHash(String numen) {
        return Numen.isValid(numen) ? Optional.of(checks.numenHash(numen)) : Optional.empty();
    }

    /** The account whose NUMEN has this keyed hash. */
    public Optional<Account> byNumenHash(String numenHash) {
        return numenHash == null || numenHash.isBlank() ? Optional.empty() : accounts.byNumenHash(numenHash);
    }

    /** The account with this identifiant or address (both are accepted, as agents type either). */
    public Optional<Account> byIdentifier(String loginOrEmail) {
        String typed = loginOrEmail == null ? "" : loginOrEmail.strip().toLowerCase(Locale.ROOT);
        return typed.isEmpty() ? Optional.empty()
                : accounts.credentials(typed).map(AccountRepository.Credentials::account);
    }

    /**
     * Whether the NUMEN typed is the account's, compared in constant time on the keyed hashes.
     * A text that is not a NUMEN does not match.
     */
    public boolean numenMatches(long accountId, String typed) {
        String stored = accounts.numenHash(accountId).orElse("");
        String candidate = numenHash(typed).orElse("");
        return !stored.isEmpty() && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A new activation code for a letter, replacing any earlier one. For an account already
     * activated this re-initialises it: the agent is told (own mailbox and verified backup
     * address), then the account goes back to "not activated", its password stops working, its
     * sessions, live codes and links end, {@link CredentialsReset} goes out, and its recovery
     * contacts count as unverified again (the first connection asks for them anew), so that only
     * the holder of the letter can get in. Refused for a suspended account (the administration
     * must lift the suspension first).
     */
    @Transactional
    public ProvisionedAccount issueLetter(String actor, long accountId, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow(() -> UserError.of("account.error.unknown", accountId));
        if (account.status() == AccountStatus.SUSPENDED) {
            throw UserError.of("hd.error.suspended-no-letter", account.login());
        }
        if (account.status() == AccountStatus.ACTIVE) {
            notices.changed(accountId, SecurityNotices.Change.PASSWORD_RESET, client);
            accounts.setStatus(accountId, AccountStatus.PENDING, null);
            int ended = sessions.endAll(account.login());
            oneTimeCodes.revokeAll(accountId);
            contacts.setBackupEmail(accountId, account.backupEmail());
            contacts.setMobile(accountId, account.mobile());
            audit.record(AuditLog.Entry.of(actor, "ACCOUNT_REINITIALISED").account(accountId)
                    .client(client.ip(), client.userAgent()).details("sessions-ended=" + ended));
            events.publishEvent(new CredentialsReset(accountId));
        }
        ActivationCodes.Issued code = codes.issue(accountId);
        audit.record(AuditLog.Entry.of(actor, "ACTIVATION_CODE_ISSUED").account(accountId)
                .client(client.ip(), client.userAgent()));
        return new ProvisionedAccount(accounts.byId(accountId).orElseThrow(), code.code(), code.expiresAt());
    }
}
