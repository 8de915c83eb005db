package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.ActivationCodes;
import fr.preau.identity.internal.LoginThrottle;
import fr.preau.identity.internal.NewAccountChecks;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Tenancy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "J'initialise mon mot de passe": an agent proves who they are with their identifiant and
 * the activation code of their letter (or their NUMEN, when the académie allows it), then
 * chooses a password and gives a backup address and mobile for recovery. Attempts are
 * throttled like logins, and say nothing about accounts that do not exist.
 */
@Service
public class FirstConnection {

    public enum Method { CODE, NUMEN }

    private static final String SCOPE = "activation";

    private final AccountRepository accounts;
    private final ActivationCodes codes;
    private final NewAccountChecks checks;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    FirstConnection(AccountRepository accounts, ActivationCodes codes, NewAccountChecks checks, LoginThrottle throttle,
                    PasswordHasher hasher, PasswordPolicy policy, Tenancy tenancy, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.checks = checks;
        this.throttle = throttle;
        this.hasher = hasher;
        this.policy = policy;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Step one: identifiant and proof. */
    @Transactional
    public ActivationResult verify(String identifier, String proof, Method method, ClientInfo client) {
        String typed = identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
        Optional<Account> found = typed.isEmpty() ? Optional.empty()
                : accounts.credentials(typed).map(AccountRepository.Credentials::account);
        String subject = found.map(a -> throttle.accountSubject(SCOPE, a.id()))
                .orElseGet(() -> throttle.identifierSubject(SCOPE, typed));
        LoginThrottle.State state = throttle.state(subject);
        if (state.lockedAt(clock.instant())) {
            return new ActivationResult.Locked(state.lockedUntil());
        }
        ActivationResult result = found.map(account -> check(account, proof, method))
                .orElse(new ActivationResult.Invalid());
        if (result instanceof ActivationResult.Invalid) {
            LoginThrottle.State after = throttle.recordFailure(subject);
            found.ifPresent(a -> audit.record(AuditLog.Entry.of(a.login(), "ACTIVATION_FAILED").account(a.id())
                    .client(client.ip(), client.userAgent()).details("method=" + method.name().toLowerCase(Locale.ROOT))));
            if (after.lockedUntil() != null) {
                found.ifPresent(a -> audit.record(AuditLog.Entry.of(a.login(), "ACTIVATION_LOCKED").account(a.id())
                        .client(client.ip(), client.userAgent()).details("until=" + after.lockedUntil())));
                return new ActivationResult.Locked(after.lockedUntil());
            }
            return result;
        }
        throttle.reset(subject);
        return result;
    }

    private ActivationResult check(Account account, String proof, Method method) {
        Department department = tenancy.department(tenancy.establishment(account.establishmentId()).departmentId());
        if (method == Method.CODE) {
            return switch (codes.check(account.id(), proof)) {
                case WRONG -> new ActivationResult.Invalid();
                case EXPIRED -> new ActivationResult.CodeExpired(department);
                case VALID -> account.status() == AccountStatus.SUSPENDED
                        ? new ActivationResult.Suspended(department)
                        : new ActivationResult.Ticket(account.id(), account.displayName());
            };
        }
        String stored = accounts.numenHash(account.id()).orElse("");
        String typed = Numen.isValid(proof) ? checks.numenHash(proof) : "";
        if (!MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII))) {
            return new ActivationResult.Invalid();
        }
        if (account.status() == AccountStatus.SUSPENDED) {
            return new ActivationResult.Suspended(department);
        }
        if (account.status() == AccountStatus.ACTIVE) {
            return new ActivationResult.AlreadyActive();
        }
        if (!tenancy.academy(account.academyId()).numenActivationAllowed()) {
            return new ActivationResult.NumenNotAllowed(department);
        }
        return new ActivationResult.Ticket(account.id(), account.displayName());
    }

    /** The identifiant of an account (to pre-fill the login form after activation). */
    public String loginOf(long accountId) {
        return accounts.byId(accountId).orElseThrow().login();
    }

    /** The password policy that applies to the account being activated. */
    public PasswordPolicy.Context policyFor(long accountId) {
        Account account = accounts.byId(accountId).orElseThrow();
        Academy academy = tenancy.academy(account.academyId());
        return PasswordPolicy.contextOf(academy.passwordMinLength(), account);
    }

    /**
     * Step two: the new password (twice) and the recovery contacts. Returns the errors by
     * field; when there are none, the account is active, its activation code gone.
     */
    @Transactional
    public List<UserError> complete(long accountId, String password, String confirmation, String backupEmail,
                                    String mobile, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        List<UserError> errors = new ArrayList<>(policy.check(password, confirmation, policyFor(accountId)));
        String email = null;
        if (backupEmail != null && !backupEmail.isBlank()) {
            email = Contacts.email(backupEmail).orElse(null);
            if (email == null) {
                errors.add(UserError.onField("backupEmail", "account.error.backup-email", backupEmail.strip()));
            } else if (tenancy.academyByDomain(email.substring(email.indexOf('@') + 1)).isPresent()) {
                errors.add(UserError.onField("backupEmail", "account.error.backup-email-internal"));
            }
        }
        String phone = null;
        if (mobile != null && !mobile.isBlank()) {
            phone = Contacts.mobile(mobile).orElse(null);
            if (phone == null) {
                errors.add(UserError.onField("mobile", "account.error.mobile", mobile.strip()));
            }
        }
        if (account.status() != AccountStatus.PENDING) {
            errors.add(UserError.of("activation.error.no-longer-pending"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        accounts.activate(accountId, hasher.hash(password), email, phone, clock.instant());
        codes.revoke(accountId);
        audit.record(AuditLog.Entry.of(account.login(), "ACCOUNT_ACTIVATED").account(accountId)
                .client(client.ip(), client.userAgent()));
        return List.of();
    }
}
