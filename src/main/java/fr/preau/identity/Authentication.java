package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.LoginThrottle;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.platform.AuditLog;
import fr.preau.platform.Maintenance;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Checks an identifiant (or address) and password, then the second factor when two-factor
 * authentication is on. Wrong credentials read and take the same whether or not the account
 * exists: an unknown identifier still costs one Argon2id check and is slowed and locked like
 * a real one. Only after the right password does the agent learn that the account is
 * suspended, that a code must follow, or that the password expired.
 */
@Service
public class Authentication {

    private static final String SCOPE = "login";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Tenancy tenancy;
    private final Maintenance maintenance;
    private final TwoFactor twoFactor;
    private final AppPasswords appPasswords;
    private final AuditLog audit;
    private final Clock clock;

    Authentication(AccountRepository accounts, PasswordHasher hasher, LoginThrottle throttle, Tenancy tenancy,
                   Maintenance maintenance, TwoFactor twoFactor, AppPasswords appPasswords, AuditLog audit,
                   Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tenancy = tenancy;
        this.maintenance = maintenance;
        this.twoFactor = twoFactor;
        this.appPasswords = appPasswords;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginResult authenticate(String identifier, String password, InterfaceChoice choice, ClientInfo client) {
        return authenticate(identifier, password, choice, client, null);
    }

    /**
     * The web login's first step. After the right password: the second step when two-factor
     * authentication is on (unless {@code trustedBrowser}, the token of this browser's cookie,
     * is one the account trusts), the forced enrollment when the role requires it and it is
     * off, then the renewal of an expired password; else the agent is in.
     */
    public LoginResult authenticate(String identifier, String password, InterfaceChoice choice, ClientInfo client,
                                    String trustedBrowser) {
        Checked checked = check(identifier, password, client, "", null);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        Account account = checked.account();
        String how = "";
        if (twoFactor.enabled(account.id())) {
            if (!twoFactor.trusted(account.id(), trustedBrowser)) {
                audit.record(AuditLog.Entry.of(account.login(), "LOGIN_SECOND_FACTOR_REQUESTED").account(account.id())
                        .client(client.ip(), client.userAgent()));
                return new LoginResult.SecondFactorRequired(account.id());
            }
            how = " second-factor=trusted-browser";
        } else if (twoFactor.required(account.id())) {
            audit.record(AuditLog.Entry.of(account.login(), "TWO_FACTOR_ENROLLMENT_REQUIRED").account(account.id())
                    .client(client.ip(), client.userAgent()));
            return new LoginResult.TwoFactorEnrollmentRequired(account.id());
        }
        return finish(account, choice, client, checked.maintenanceBanner(), how);
    }

    /**
     * The web login's second step, for an account whose password was right moments ago: a TOTP
     * code or a recovery code, throttled and locked like passwords (in a scope of their own).
     */
    public LoginResult completeSecondFactor(long accountId, String code, InterfaceChoice choice, ClientInfo client) {
        TwoFactor.Check check = twoFactor.check(accountId, code, client, "login");
        if (check.verification() == TwoFactor.Verification.LOCKED) {
            return new LoginResult.Locked(check.lockedUntil());
        }
        if (!check.verification().accepted()) {
            return new LoginResult.SecondFactorRefused(check.verification());
        }
        Checked checked = afterCredentials(accounts.byId(accountId).orElseThrow(), client, "");
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        return finish(checked.account(), choice, client, checked.maintenanceBanner(),
                check.verification() == TwoFactor.Verification.TOTP ? " second-factor=totp" : " second-factor=recovery-code");
    }

    /** Goes on after the forced enrollment: two-factor authentication must be on now (its first code was the proof). */
    public LoginResult completeEnrollment(long accountId, InterfaceChoice choice, ClientInfo client) {
        if (!twoFactor.enabled(accountId)) {
            return new LoginResult.TwoFactorEnrollmentRequired(accountId);
        }
        Checked checked = afterCredentials(accounts.byId(accountId).orElseThrow(), client, "");
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        return finish(checked.account(), choice, client, checked.maintenanceBanner(), " second-factor=enrollment");
    }

    private LoginResult finish(Account account, InterfaceChoice choice, ClientInfo client, boolean banner, String how) {
        if (passwordExpired(account)) {
            audit.record(AuditLog.Entry.of(account.login(), "LOGIN_PASSWORD_EXPIRED").account(account.id())
                    .client(client.ip(), client.userAgent()));
            return new LoginResult.PasswordExpired(account.id());
        }
        accounts.setInterface(account.id(), choice);
        audit.record(AuditLog.Entry.of(account.login(), "LOGIN_SUCCEEDED").account(account.id())
                .client(client.ip(), client.userAgent())
                .details("interface=" + choice.name().toLowerCase(Locale.ROOT) + how));
        return new LoginResult.Success(principal(account, choice), banner);
    }

    /**
     * Checks the credentials of a mail client (SMTP submission, later IMAP) with the same
     * throttling, lock and audit as the web login. Once two-factor authentication is on, only
     * app passwords open, never the account's password. Success gives the account; any
     * refusal gives the {@link LoginResult} a page would show, which a protocol turns into one
     * error reply. A success is written to the security events at most once an hour per client
     * address, as mail clients log in again and again.
     */
    public ProtocolLogin authenticateProtocol(String identifier, String password, String protocol, ClientInfo client) {
        Checked checked = check(identifier, password, client, " protocol=" + protocol, protocol);
        if (checked.refusal() != null) {
            return new ProtocolLogin(null, checked.refusal());
        }
        Account account = checked.account();
        if (passwordExpired(account)) {
            audit.record(AuditLog.Entry.of(account.login(), "LOGIN_PASSWORD_EXPIRED").account(account.id())
                    .client(client.ip(), client.userAgent()).details("protocol=" + protocol));
            return new ProtocolLogin(null, new LoginResult.PasswordExpired(account.id()));
        }
        if (checked.appPassword() != null) {
            appPasswords.recordUse(checked.appPassword(), protocol);
        }
        String key = account.id() + "|" + protocol + "|" + client.ip();
        if (recentProtocolLogins.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            audit.record(AuditLog.Entry.of(account.login(), "PROTOCOL_LOGIN_SUCCEEDED").account(account.id())
                    .client(client.ip(), client.userAgent())
                    .details("protocol=" + protocol + (checked.appPassword() != null ? " app-password" : "")));
        }
        return new ProtocolLogin(account, null);
    }

    /** The outcome of {@link #authenticateProtocol}: the account, or the refusal. */
    public record ProtocolLogin(Account account, LoginResult refusal) {
        public boolean succeeded() {
            return account != null;
        }
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> recentProtocolLogins =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
                    .maximumSize(100_000).build();

    /** What the shared checks found: a refusal, or the account allowed in (by an app password, for a mail client). */
    private record Checked(Account account, LoginResult refusal, boolean maintenanceBanner, Long appPassword) {}

    /** {@code protocol} is null for the web login. */
    private Checked check(String identifier, String password, ClientInfo client, String auditDetails, String protocol) {
        String typed = identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
        Optional<AccountRepository.Credentials> found = typed.isEmpty() ? Optional.empty() : accounts.credentials(typed);
        String subject = found.map(c -> throttle.accountSubject(SCOPE, c.account().id()))
                .orElseGet(() -> throttle.identifierSubject(SCOPE, typed));

        LoginThrottle.State state = throttle.state(subject);
        if (state.lockedAt(clock.instant())) {
            return refused(new LoginResult.Locked(state.lockedUntil()));
        }
        pause(throttle.delayFor(state));

        String secret = password == null ? "" : password;
        Long appPassword = null;
        boolean accountPasswordOfTwoFactor = false;
        boolean matches;
        if (protocol != null && found.isPresent() && twoFactor.enabled(found.get().account().id())) {
            // mail clients of an account with 2FA: app passwords only (keyed hashes, no slow hash needed)
            appPassword = appPasswords.match(found.get().account().id(), secret).orElse(null);
            matches = appPassword != null;
            accountPasswordOfTwoFactor = !matches && hasher.matches(secret, found.get().passwordHash());
        } else {
            matches = found.isPresent() && found.get().passwordHash() != null
                    ? hasher.matches(secret, found.get().passwordHash())
                    : hasher.matchesNothing(secret);
        }

        if (found.isPresent() && found.get().account().status() == AccountStatus.PENDING) {
            return refused(new LoginResult.NotActivated());
        }
        if (accountPasswordOfTwoFactor) {
            Account account = found.get().account();
            if (recentProtocolLogins.asMap().putIfAbsent(account.id() + "|refused|" + protocol + "|" + client.ip(),
                    Boolean.TRUE) == null) {
                audit.record(AuditLog.Entry.of(account.login(), "PROTOCOL_LOGIN_NEEDS_APP_PASSWORD").account(account.id())
                        .client(client.ip(), client.userAgent()).details("protocol=" + protocol));
            }
            return refused(new LoginResult.AppPasswordRequired());
        }
        if (!matches) {
            LoginThrottle.State after = throttle.recordFailure(subject);
            found.ifPresent(c -> audit.record(AuditLog.Entry.of(c.account().login(),
                            after.lockedUntil() != null ? "ACCOUNT_LOCKED" : "LOGIN_FAILED")
                    .account(c.account().id()).client(client.ip(), client.userAgent())
                    .details((after.lockedUntil() != null ? "until=" + after.lockedUntil() : "failures=" + after.failures())
                            + auditDetails)));
            return refused(after.lockedUntil() != null ? new LoginResult.Locked(after.lockedUntil()) : new LoginResult.BadCredentials());
        }

        throttle.reset(subject);
        Checked checked = afterCredentials(found.get().account(), client, auditDetails);
        return checked.refusal() != null ? checked
                : new Checked(checked.account(), null, checked.maintenanceBanner(), appPassword);
    }

    /** What may still stop an agent whose credentials are right: suspension, maintenance. */
    private Checked afterCredentials(Account account, ClientInfo client, String auditDetails) {
        if (account.status() == AccountStatus.SUSPENDED) {
            audit.record(AuditLog.Entry.of(account.login(), "LOGIN_REFUSED_SUSPENDED").account(account.id())
                    .client(client.ip(), client.userAgent()).details(auditDetails.isEmpty() ? null : auditDetails.strip()));
            return refused(new LoginResult.Suspended(
                    tenancy.department(tenancy.establishment(account.establishmentId()).departmentId())));
        }
        Maintenance.Status status = maintenance.status();
        if (status.loginsRefused() && account.role() != Role.ADMINISTRATEUR) {
            return refused(new LoginResult.Maintenance());
        }
        return new Checked(account, null, status.active(), null);
    }

    private static Checked refused(LoginResult refusal) {
        return new Checked(null, refusal, false, null);
    }

    /** Signs in an agent who has just renewed an expired password (they proved it with the old one). */
    public AgentPrincipal signInAfterRenewal(long accountId, InterfaceChoice choice, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        accounts.setInterface(accountId, choice);
        audit.record(AuditLog.Entry.of(account.login(), "LOGIN_SUCCEEDED").account(accountId)
                .client(client.ip(), client.userAgent())
                .details("interface=" + choice.name().toLowerCase(Locale.ROOT) + " after-renewal"));
        return principal(account, choice);
    }

    /** The principal of an account known to be allowed in. */
    public AgentPrincipal principal(Account account, InterfaceChoice choice) {
        return new AgentPrincipal(account.id(), account.login(), account.displayName(), account.role(), choice);
    }

    /** Whether the account must renew its password: forced by an administrator or older than the académie allows. */
    public boolean passwordExpired(Account account) {
        if (account.passwordMustChange()) {
            return true;
        }
        Academy academy = tenancy.academy(account.academyId());
        if (academy.passwordMaxAgeDays() == null || account.passwordChangedAt() == null) {
            return false;
        }
        Instant limit = account.passwordChangedAt().plus(Duration.ofDays(academy.passwordMaxAgeDays()));
        return !limit.isAfter(clock.instant());
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
