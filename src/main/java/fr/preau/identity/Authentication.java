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
 * Checks an identifiant (or address) and password. Wrong credentials read and take the
 * same whether or not the account exists: an unknown identifier still costs one Argon2id
 * check and is slowed and locked like a real one. Only after the right password does
 * the agent learn that the account is suspended or the password expired.
 */
@Service
public class Authentication {

    private static final String SCOPE = "login";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Tenancy tenancy;
    private final Maintenance maintenance;
    private final AuditLog audit;
    private final Clock clock;

    Authentication(AccountRepository accounts, PasswordHasher hasher, LoginThrottle throttle, Tenancy tenancy,
                   Maintenance maintenance, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tenancy = tenancy;
        this.maintenance = maintenance;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginResult authenticate(String identifier, String password, InterfaceChoice choice, ClientInfo client) {
        Checked checked = check(identifier, password, client, "");
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        Account account = checked.account();
        accounts.setInterface(account.id(), choice);
        audit.record(AuditLog.Entry.of(account.login(), "LOGIN_SUCCEEDED").account(account.id())
                .client(client.ip(), client.userAgent())
                .details("interface=" + choice.name().toLowerCase(Locale.ROOT)));
        return new LoginResult.Success(principal(account, choice), checked.maintenanceBanner());
    }

    /**
     * Checks the credentials of a mail client (SMTP submission, later IMAP) with the same
     * throttling, lock and audit as the web login. Success gives the account; any refusal gives
     * the {@link LoginResult} a page would show, which a protocol turns into one error reply.
     * A success is written to the security events at most once an hour per client address,
     * as mail clients log in again and again.
     */
    public ProtocolLogin authenticateProtocol(String identifier, String password, String protocol, ClientInfo client) {
        Checked checked = check(identifier, password, client, " protocol=" + protocol);
        if (checked.refusal() != null) {
            return new ProtocolLogin(null, checked.refusal());
        }
        Account account = checked.account();
        String key = account.id() + "|" + protocol + "|" + client.ip();
        if (recentProtocolLogins.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            audit.record(AuditLog.Entry.of(account.login(), "PROTOCOL_LOGIN_SUCCEEDED").account(account.id())
                    .client(client.ip(), client.userAgent()).details("protocol=" + protocol));
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

    /** What the shared checks found: a refusal, or the account allowed in. */
    private record Checked(Account account, LoginResult refusal, boolean maintenanceBanner) {}

    private Checked check(String identifier, String password, ClientInfo client, String auditDetails) {
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
        boolean matches = found.isPresent() && found.get().passwordHash() != null
                ? hasher.matches(secret, found.get().passwordHash())
                : hasher.matchesNothing(secret);

        if (found.isPresent() && found.get().account().status() == AccountStatus.PENDING) {
            return refused(new LoginResult.NotActivated());
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

        Account account = found.get().account();
        throttle.reset(subject);
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
        if (passwordExpired(account)) {
            audit.record(AuditLog.Entry.of(account.login(), "LOGIN_PASSWORD_EXPIRED").account(account.id())
                    .client(client.ip(), client.userAgent()).details(auditDetails.isEmpty() ? null : auditDetails.strip()));
            return refused(new LoginResult.PasswordExpired(account.id()));
        }
        return new Checked(account, null, status.active());
    }

    private static Checked refused(LoginResult refusal) {
        return new Checked(null, refusal, false);
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
