package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.LoginThrottle;
import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.identity.internal.PasswordHistory;
import fr.preau.identity.internal.PasswordLifecycleProperties;
import fr.preau.identity.internal.SessionStore;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every way a password changes after the first connection goes through here, so the same rules
 * hold: the académie's policy and strength, not one of the last {@code preau.password.history}
 * passwords, the old hash kept in the history, an audit entry and a notice to the agent.
 * <ul>
 *   <li>{@link #change}: in the settings, with the current password;</li>
 *   <li>{@link #renew}: an expired password, right after a login with it;</li>
 *   <li>{@link #reset}: after a recovery (the agent proved who they are another way): every session
 *       closed, every live code and link killed, login lock lifted, {@link CredentialsReset} published.</li>
 * </ul>
 */
@Service
public class PasswordChanges {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final PasswordHistory history;
    private final PasswordLifecycleProperties lifecycle;
    private final Tenancy tenancy;
    private final SessionStore sessions;
    private final OneTimeCodes codes;
    private final LoginThrottle throttle;
    private final SecurityNotices notices;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    PasswordChanges(AccountRepository accounts, PasswordHasher hasher, PasswordPolicy policy, PasswordHistory history,
                    PasswordLifecycleProperties lifecycle, Tenancy tenancy, SessionStore sessions, OneTimeCodes codes,
                    LoginThrottle throttle, SecurityNotices notices, ApplicationEventPublisher events, AuditLog audit,
                    Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.history = history;
        this.lifecycle = lifecycle;
        this.tenancy = tenancy;
        this.sessions = sessions;
        this.codes = codes;
        this.throttle = throttle;
        this.notices = notices;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy (minimum length, personal words) for the account's new password. */
    public PasswordPolicy.Context policyFor(long accountId) {
        Account account = accounts.byId(accountId).orElseThrow();
        return PasswordPolicy.contextOf(tenancy.academy(account.academyId()).passwordMinLength(), account);
    }

    /** The strength evaluation shown under the field (the meter). */
    public PasswordPolicy.Evaluation evaluate(long accountId, String password) {
        return policy.evaluate(password == null ? "" : password, policyFor(accountId));
    }

    /** Changes the password from the settings: the current one first. Errors by field, empty on success. */
    @Transactional
    public List<UserError> change(long accountId, String current, String password, String confirmation, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        String hash = currentHash(account).orElse(null);
        if (current == null || current.isEmpty() || hash == null || !hasher.matches(current, hash)) {
            return List.of(UserError.onField("current", "password.error.current-wrong"));
        }
        List<UserError> errors = check(account, password, confirmation);
        if (!errors.isEmpty()) {
            return errors;
        }
        apply(account, password);
        audit.record(AuditLog.Entry.of(account.login(), "PASSWORD_CHANGED").account(accountId)
                .client(client.ip(), client.userAgent()));
        notices.changed(accountId, SecurityNotices.Change.PASSWORD_CHANGED, client);
        return List.of();
    }

    /** Renews an expired password (the agent just logged in with it). */
    @Transactional
    public List<UserError> renew(long accountId, String password, String confirmation, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        List<UserError> errors = check(account, password, confirmation);
        if (!errors.isEmpty()) {
            return errors;
        }
        apply(account, password);
        audit.record(AuditLog.Entry.of(account.login(), "PASSWORD_RENEWED").account(accountId)
                .client(client.ip(), client.userAgent()));
        notices.changed(accountId, SecurityNotices.Change.PASSWORD_CHANGED, client);
        return List.of();
    }

    /**
     * Sets a new password after a recovery ({@code method}: how the agent proved who they are, for
     * the audit). Ends every session and kills every live code and link.
     */
    @Transactional
    public List<UserError> reset(long accountId, String password, String confirmation, String method, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        List<UserError> errors = check(account, password, confirmation);
        if (!errors.isEmpty()) {
            return errors;
        }
        apply(account, password);
        sessions.endAll(account.login());
        codes.revokeAll(accountId);
        throttle.reset(throttle.accountSubject("login", accountId));
        audit.record(AuditLog.Entry.of(account.login(), "PASSWORD_RESET").account(accountId)
                .client(client.ip(), client.userAgent()).details("method=" + method));
        events.publishEvent(new CredentialsReset(accountId));
        notices.changed(accountId, SecurityNotices.Change.PASSWORD_RESET, client);
        return List.of();
    }

    /**
     * When the password reaches the académie's maximum age, if that is within
     * {@code preau.password.expiry-warning-days}; empty when there is no limit or it is further away.
     */
    public Optional<Instant> expiresSoon(long accountId) {
        Account account = accounts.byId(accountId).orElseThrow();
        Integer maxAge = tenancy.academy(account.academyId()).passwordMaxAgeDays();
        if (maxAge == null || account.passwordChangedAt() == null) {
            return Optional.empty();
        }
        Instant limit = account.passwordChangedAt().plus(Duration.ofDays(maxAge));
        Instant now = clock.instant();
        return limit.isAfter(now) && !limit.isAfter(now.plus(Duration.ofDays(lifecycle.expiryWarningDays())))
                ? Optional.of(limit) : Optional.empty();
    }

    /** When the password was last changed. */
    public Optional<Instant> changedAt(long accountId) {
        return accounts.byId(accountId).map(Account::passwordChangedAt);
    }

    /** How many previous passwords a new one may not repeat (the current one included). */
    public int historySize() {
        return lifecycle.history();
    }

    private List<UserError> check(Account account, String password, String confirmation) {
        List<UserError> errors = new ArrayList<>(policy.check(password, confirmation, policyFor(account.id())));
        if (!errors.isEmpty()) {
            return errors;
        }
        if (currentHash(account).filter(h -> hasher.matches(password, h)).isPresent()) {
            errors.add(UserError.onField("password", "password.error.same-as-before"));
        } else if (history.latest(account.id(), lifecycle.history() - 1).stream().anyMatch(h -> hasher.matches(password, h))) {
            errors.add(UserError.onField("password", "password.error.reused", lifecycle.history()));
        }
        return errors;
    }

    private void apply(Account account, String password) {
        Instant now = clock.instant();
        currentHash(account).ifPresent(old -> history.remember(account.id(), old,
                account.passwordChangedAt() == null ? now : account.passwordChangedAt(), Math.max(0, lifecycle.history() - 1)));
        accounts.setPassword(account.id(), hasher.hash(password), now);
    }

    private Optional<String> currentHash(Account account) {
        return accounts.credentials(account.login()).map(AccountRepository.Credentials::passwordHash);
    }
}
