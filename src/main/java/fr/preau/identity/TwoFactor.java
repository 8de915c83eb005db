package fr.preau.identity;

import com.google.common.io.BaseEncoding;
import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.AppPasswordRepository;
import fr.preau.identity.internal.LoginThrottle;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.identity.internal.RecoveryCodeRepository;
import fr.preau.identity.internal.SecretBox;
import fr.preau.identity.internal.SecretCodes;
import fr.preau.identity.internal.Totp;
import fr.preau.identity.internal.TrustedBrowserRepository;
import fr.preau.identity.internal.TwoFactorPolicy;
import fr.preau.identity.internal.TwoFactorProperties;
import fr.preau.identity.internal.TwoFactorRepository;
import fr.preau.platform.AuditLog;
import fr.preau.platform.SecretKeys;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor authentication of the web login (docs/adr/0026): a TOTP secret enrolled with a
 * first code, ten single-use recovery codes, and browsers trusted for a while to skip the
 * second step. The secret is sealed (AES-GCM) because codes are checked against it; recovery
 * codes and browser tokens are kept only as keyed hashes. Wrong codes are slowed and locked
 * like wrong passwords, in a scope of their own. Every change is audited.
 */
@Service
public class TwoFactor {

    public static final int RECOVERY_CODES = 10;
    static final String THROTTLE_SCOPE = "second-factor";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the account pages show. */
    public record Status(boolean enabled, Instant enabledAt, boolean required, int recoveryCodesLeft,
                         List<TrustedBrowser> trustedBrowsers) {}

    /** A browser trusted to skip the second step, until {@code expiresAt}. */
    public record TrustedBrowser(long id, String userAgent, String ip, Instant createdAt, Instant expiresAt,
                                 Instant lastUsedAt) {}

    /**
     * A pending enrollment: the secret for manual entry (base32 in groups of four) and the
     * {@code otpauth://} URI the QR code holds.
     */
    public record Enrollment(String secret, String uri) {}

    /** The outcome of a first code. */
    public sealed interface Confirmation {
        /** 2FA is on; the recovery codes are shown this once. */
        record Enabled(List<String> recoveryCodes) implements Confirmation {}

        record Refused(UserError error) implements Confirmation {}
    }

    /** What a typed second factor turned out to be. */
    public enum Verification { TOTP, RECOVERY_CODE, WRONG, CODE_ALREADY_USED, RECOVERY_CODE_ALREADY_USED, LOCKED;

        public boolean accepted() {
            return this == TOTP || this == RECOVERY_CODE;
        }
    }

    /** A second factor checked under the brute-force defence: what it was, and the end of the lock if any. */
    public record Check(Verification verification, Instant lockedUntil) {}

    private final TwoFactorRepository secrets;
    private final RecoveryCodeRepository recoveryCodes;
    private final TrustedBrowserRepository browsers;
    private final AppPasswordRepository appPasswords;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TwoFactorPolicy policy;
    private final TwoFactorProperties properties;
    private final SecretBox box;
    private final SecretKeys keys;
    private final SecurityNotices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final Totp totp = new Totp();

    TwoFactor(TwoFactorRepository secrets, RecoveryCodeRepository recoveryCodes, TrustedBrowserRepository browsers,
              AppPasswordRepository appPasswords, AccountRepository accounts, PasswordHasher hasher,
              LoginThrottle throttle, TwoFactorPolicy policy, TwoFactorProperties properties, SecretBox box,
              SecretKeys keys, SecurityNotices notices, AuditLog audit, Clock clock) {
        this.secrets = secrets;
        this.recoveryCodes = recoveryCodes;
        this.browsers = browsers;
        this.appPasswords = appPasswords;
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.policy = policy;
        this.properties = properties;
        this.box = box;
        this.keys = keys;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean enabled(long accountId) {
        return secrets.find(accountId).map(TwoFactorRepository.Row::enabled).orElse(false);
    }

    /** Whether the account's role must use it, in its académie. */
    public boolean required(long accountId) {
        return policy.required(account(accountId));
    }

    public Status status(long accountId) {
        Optional<TwoFactorRepository.Row> row = secrets.find(accountId).filter(TwoFactorRepository.Row::enabled);
        List<TrustedBrowser> trusted = browsers.list(accountId, clock.instant()).stream()
                .map(b -> new TrustedBrowser(b.id(), b.userAgent(), b.ip(), b.createdAt(), b.expiresAt(), b.lastUsedAt()))
                .toList();
        return new Status(row.isPresent(), row.map(TwoFactorRepository.Row::enabledAt).orElse(null),
                required(accountId), row.isPresent() ? recoveryCodes.remaining(accountId) : 0, trusted);
    }

    // ---- enrollment

    /** A new pending secret (replacing a pending one); empty if 2FA is on already. */
    @Transactional
    public Optional<Enrollment> startEnrollment(long accountId, ClientInfo client) {
        byte[] secret = Totp.newSecret();
        if (!secrets.savePending(accountId, box.seal(accountId, secret), clock.instant())) {
            return Optional.empty();
        }
        Account account = account(accountId);
        audit.record(AuditLog.Entry.of(account.login(), "TWO_FACTOR_ENROLLMENT_STARTED").account(accountId)
                .client(client.ip(), client.userAgent()));
        return Optional.of(enrollment(account, secret));
    }

    /** The pending enrollment, if one is waiting for its first code. */
    public Optional<Enrollment> pendingEnrollment(long accountId) {
        return secrets.find(accountId).filter(r -> !r.enabled())
                .map(r -> enrollment(account(accountId), box.open(accountId, r.secretSealed())));
    }

    public void cancelEnrollment(long accountId) {
        secrets.deletePending(accountId);
    }

    /** Turns 2FA on if {@code code} is the pending secret's current code; returns the recovery codes. */
    @Transactional
    public Confirmation confirm(long accountId, String code, ClientInfo client) {
        Optional<TwoFactorRepository.Row> pending = secrets.find(accountId).filter(r -> !r.enabled());
        if (pending.isEmpty()) {
            return new Confirmation.Refused(UserError.of("two-factor.error.no-enrollment"));
        }
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (typed.isEmpty()) {
            return new Confirmation.Refused(UserError.onField("code", "two-factor.error.code-missing"));
        }
        Account account = account(accountId);
        String subject = throttle.accountSubject(THROTTLE_SCOPE, accountId);
        LoginThrottle.State state = throttle.state(subject);
        if (state.lockedAt(clock.instant())) {
            return new Confirmation.Refused(UserError.onField("code", "two-factor.error.locked",
                    minutesUntil(state.lockedUntil())));
        }
        OptionalLong step = totp.matchingStep(box.open(accountId, pending.get().secretSealed()), typed, clock.instant());
        if (step.isEmpty()) {
            failure(account, subject, client, "enrollment");
            return new Confirmation.Refused(UserError.onField("code",
                    typed.matches("\\d+") && typed.length() != totp.digits() ? "two-factor.error.code-format"
                            : "two-factor.error.code-wrong"));
        }
        if (!secrets.enable(accountId, step.getAsLong(), clock.instant())) {
            return new Confirmation.Refused(UserError.of("two-factor.error.no-enrollment"));
        }
        throttle.reset(subject);
        List<String> codes = newRecoveryCodes(accountId);
        audit.record(AuditLog.Entry.of(account.login(), "TWO_FACTOR_ENABLED").account(accountId)
                .client(client.ip(), client.userAgent()));
        notices.changed(accountId, SecurityNotices.Change.TWO_FACTOR_ENABLED, client);
        return new Confirmation.Enabled(codes);
    }

    // ---- recovery codes

    /** New recovery codes in place of all the old ones, after the password is checked. */
    @Transactional
    public Confirmation regenerateRecoveryCodes(long accountId, String password, ClientInfo client) {
        if (!enabled(accountId)) {
            return new Confirmation.Refused(UserError.of("two-factor.error.not-enabled"));
        }
        Account account = account(accountId);
        UserError wrong = checkPassword(account, password, client, "recovery-codes");
        if (wrong != null) {
            return new Confirmation.Refused(wrong);
        }
        List<String> codes = newRecoveryCodes(accountId);
        audit.record(AuditLog.Entry.of(account.login(), "RECOVERY_CODES_REGENERATED").account(accountId)
                .client(client.ip(), client.userAgent()));
        notices.changed(accountId, SecurityNotices.Change.RECOVERY_CODES_REGENERATED, client);
        return new Confirmation.Enabled(codes);
    }

    private List<String> newRecoveryCodes(long accountId) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        while (codes.size() < RECOVERY_CODES) {
            String code = SecretCodes.random(10, 5);
            String hash = recoveryHash(accountId, SecretCodes.normalize(code));
            if (!hashes.contains(hash)) {
                codes.add(code);
                hashes.add(hash);
            }
        }
        recoveryCodes.replace(accountId, hashes, clock.instant());
        return codes;
    }

    private String recoveryHash(long accountId, String normalized) {
        return keys.hmacHex("two-factor-recovery", accountId + ":" + normalized);
    }

    // ---- checking a second factor

    /**
     * Checks a typed second factor, a TOTP code (six digits) or a recovery code, under the
     * brute-force defence of the {@code second-factor} scope: a code is accepted once only,
     * a recovery code is used up, failures are counted and audited, and lock the account's
     * second step for a while. {@code context} says where (login, disable) in the audit.
     */
    public Check check(long accountId, String typed, ClientInfo client, String context) {
        Account account = account(accountId);
        String subject = throttle.accountSubject(THROTTLE_SCOPE, accountId);
        LoginThrottle.State state = throttle.state(subject);
        if (state.lockedAt(clock.instant())) {
            return new Check(Verification.LOCKED, state.lockedUntil());
        }
        pause(throttle.delayFor(state));
        Verification verification = verify(account, typed, client);
        if (verification.accepted()) {
            throttle.reset(subject);
            return new Check(verification, null);
        }
        Instant lockedUntil = failure(account, subject, client, context + " " + verification.name().toLowerCase(java.util.Locale.ROOT));
        return lockedUntil != null ? new Check(Verification.LOCKED, lockedUntil) : new Check(verification, null);
    }

    private Verification verify(Account account, String typed, ClientInfo client) {
        Optional<TwoFactorRepository.Row> row = secrets.find(account.id()).filter(TwoFactorRepository.Row::enabled);
        if (row.isEmpty() || typed == null) {
            return Verification.WRONG;
        }
        String digits = typed.replaceAll("\\s", "");
        if (digits.matches("\\d+")) {
            OptionalLong step = totp.matchingStep(box.open(account.id(), row.get().secretSealed()), digits, clock.instant());
            if (step.isEmpty()) {
                return Verification.WRONG;
            }
            return secrets.useStep(account.id(), step.getAsLong()) ? Verification.TOTP : Verification.CODE_ALREADY_USED;
        }
        String code = SecretCodes.normalize(typed);
        if (code.length() != 10) {
            return Verification.WRONG;
        }
        String hash = recoveryHash(account.id(), code);
        if (recoveryCodes.consume(account.id(), hash, clock.instant())) {
            audit.record(AuditLog.Entry.of(account.login(), "RECOVERY_CODE_USED").account(account.id())
                    .client(client.ip(), client.userAgent()).details("remaining=" + recoveryCodes.remaining(account.id())));
            return Verification.RECOVERY_CODE;
        }
        return recoveryCodes.used(account.id(), hash) ? Verification.RECOVERY_CODE_ALREADY_USED : Verification.WRONG;
    }

    /** Counts a failure; returns the end of the lock it caused, if it did. */
    private Instant failure(Account account, String subject, ClientInfo client, String context) {
        LoginThrottle.State after = throttle.recordFailure(subject);
        boolean locked = after.lockedUntil() != null;
        audit.record(AuditLog.Entry.of(account.login(), locked ? "SECOND_FACTOR_LOCKED" : "SECOND_FACTOR_FAILED")
                .account(account.id()).client(client.ip(), client.userAgent())
                .details((locked ? "until=" + after.lockedUntil() : "failures=" + after.failures()) + " " + context));
        return after.lockedUntil();
    }

    // ---- trusted browsers

    /** Trusts the browser for {@code preau.two-factor.trusted-browser-lifetime}; returns the token of its cookie. */
    public String trustBrowser(long accountId, ClientInfo client) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        browsers.insert(accountId, browserHash(token), client.userAgent(), client.ip(), now,
                now.plus(properties.trustedBrowserLifetime()));
        audit.record(AuditLog.Entry.of(account(accountId).login(), "BROWSER_TRUSTED").account(accountId)
                .client(client.ip(), client.userAgent()));
        return token;
    }

    public Duration trustedBrowserLifetime() {
        return properties.trustedBrowserLifetime();
    }

    /** The name authenticator apps show next to the codes. */
    public String issuer() {
        return properties.issuer();
    }

    /** How long a login whose password was right waits for its second step (or the enrollment). */
    public Duration pendingLoginValidity() {
        return properties.pendingLoginValidity();
    }

    /** Whether the cookie's token is a browser the account trusts (and records its use). */
    public boolean trusted(long accountId, String token) {
        return token != null && !token.isBlank() && token.length() <= 100
                && browsers.use(accountId, browserHash(token), clock.instant());
    }

    public boolean revokeTrustedBrowser(long accountId, long id, ClientInfo client) {
        boolean revoked = browsers.revoke(accountId, id);
        if (revoked) {
            audit.record(AuditLog.Entry.of(account(accountId).login(), "TRUSTED_BROWSER_REVOKED").account(accountId)
                    .client(client.ip(), client.userAgent()));
        }
        return revoked;
    }

    public int revokeTrustedBrowsers(long accountId, ClientInfo client) {
        int revoked = browsers.revokeAll(accountId);
        audit.record(AuditLog.Entry.of(account(accountId).login(), "TRUSTED_BROWSER_REVOKED").account(accountId)
                .client(client.ip(), client.userAgent()).details("all=" + revoked));
        return revoked;
    }

    /** Expired trusted browsers. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H")
    void pruneTrustedBrowsers() {
        browsers.prune(clock.instant());
    }

    private String browserHash(String token) {
        return keys.hmacHex("two-factor-trusted-browser", token);
    }

    // ---- turning it off

    /**
     * Turns 2FA off for an agent who lost their phone and their recovery codes, on the help
     * desk's initiative ({@code actor}) once it has checked their identity: the secret, recovery
     * codes, trusted browsers and app passwords go; where the role requires 2FA, the agent enrolls
     * again at the next login. False when it was not on.
     */
    @Transactional
    public boolean disableBySupport(long accountId, String actor, ClientInfo client) {
        Account account = account(accountId);
        if (!enabled(accountId)) {
            return false;
        }
        secrets.delete(accountId);
        recoveryCodes.deleteAll(accountId);
        int browsersRevoked = browsers.revokeAll(accountId);
        int appPasswordsRevoked = appPasswords.revokeAll(accountId);
        audit.record(AuditLog.Entry.of(actor, "TWO_FACTOR_DISABLED_BY_SUPPORT").account(accountId)
                .client(client.ip(), client.userAgent())
                .details("by=" + actor + " trusted-browsers=" + browsersRevoked + " app-passwords=" + appPasswordsRevoked));
        notices.changed(accountId, SecurityNotices.Change.TWO_FACTOR_DISABLED, client);
        return true;
    }

    /**
     * Turns 2FA off with the password and a code (or a recovery code); refused where the role
     * requires it. Recovery codes, trusted browsers and app passwords go with it.
     */
    @Transactional
    public List<UserError> disable(long accountId, String password, String code, ClientInfo client) {
        Account account = account(accountId);
        if (!enabled(accountId)) {
            return List.of(UserError.of("two-factor.error.not-enabled"));
        }
        if (policy.required(account)) {
            return List.of(UserError.of("two-factor.error.required"));
        }
        List<UserError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(UserError.onField("disable-password", "two-factor.error.password-missing"));
        }
        if (code == null || code.isBlank()) {
            errors.add(UserError.onField("disable-code", "two-factor.error.code-missing"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        UserError wrongPassword = checkPassword(account, password, client, "disable");
        if (wrongPassword != null) {
            return List.of(UserError.onField("disable-password", wrongPassword.key(), wrongPassword.args()));
        }
        Check check = check(accountId, code, client, "disable");
        if (!check.verification().accepted()) {
            return List.of(codeError("disable-code", check));
        }
        secrets.delete(accountId);
        recoveryCodes.deleteAll(accountId);
        int browsersRevoked = browsers.revokeAll(accountId);
        int appPasswordsRevoked = appPasswords.revokeAll(accountId);
        audit.record(AuditLog.Entry.of(account.login(), "TWO_FACTOR_DISABLED").account(accountId)
                .client(client.ip(), client.userAgent())
                .details("trusted-browsers=" + browsersRevoked + " app-passwords=" + appPasswordsRevoked));
        notices.changed(accountId, SecurityNotices.Change.TWO_FACTOR_DISABLED, client);
        return List.of();
    }

    /**
     * After a password reset (recovery or help desk), what was bound to the old credentials goes:
     * the trusted browsers and the app passwords. The TOTP secret and recovery codes stay (they
     * are the second factor, not the password). Runs in the reset's transaction.
     */
    @EventListener
    public void credentialsReset(CredentialsReset reset) {
        long accountId = reset.accountId();
        int browsersRevoked = browsers.revokeAll(accountId);
        int appPasswordsRevoked = appPasswords.revokeAll(accountId);
        if (browsersRevoked + appPasswordsRevoked > 0) {
            audit.record(AuditLog.Entry.of(account(accountId).login(), "TWO_FACTOR_CREDENTIALS_REVOKED").account(accountId)
                    .details("reason=password-reset trusted-browsers=" + browsersRevoked
                            + " app-passwords=" + appPasswordsRevoked));
        }
    }

    /** The message for a refused second factor, on a field. */
    public UserError codeError(String field, Check check) {
        return switch (check.verification()) {
            case LOCKED -> UserError.onField(field, "two-factor.error.locked", minutesUntil(check.lockedUntil()));
            case CODE_ALREADY_USED -> UserError.onField(field, "two-factor.error.code-used");
            case RECOVERY_CODE_ALREADY_USED -> UserError.onField(field, "two-factor.error.recovery-code-used");
            default -> UserError.onField(field, "two-factor.error.code-wrong");
        };
    }

    /** Minutes (rounded up, at least one) until a lock ends. */
    public long minutesUntil(Instant until) {
        return Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60);
    }

    /** The password of a signed-in agent confirming a sensitive change, under the login's brute-force defence. */
    private UserError checkPassword(Account account, String password, ClientInfo client, String context) {
        String subject = throttle.accountSubject("login", account.id());
        LoginThrottle.State state = throttle.state(subject);
        if (state.lockedAt(clock.instant())) {
            return UserError.onField("password", "two-factor.error.locked", minutesUntil(state.lockedUntil()));
        }
        String hash = accounts.credentials(account.login()).map(AccountRepository.Credentials::passwordHash).orElse(null);
        if (hasher.matches(password == null ? "" : password, hash)) {
            return null;
        }
        LoginThrottle.State after = throttle.recordFailure(subject);
        audit.record(AuditLog.Entry.of(account.login(), after.lockedUntil() != null ? "ACCOUNT_LOCKED" : "LOGIN_FAILED")
                .account(account.id()).client(client.ip(), client.userAgent())
                .details((after.lockedUntil() != null ? "until=" + after.lockedUntil() : "failures=" + after.failures())
                        + " two-factor=" + context));
        return after.lockedUntil() != null
                ? UserError.onField("password", "two-factor.error.locked", minutesUntil(after.lockedUntil()))
                : UserError.onField("password", "two-factor.error.password-wrong");
    }

    // ---- helpers

    private Enrollment enrollment(Account account, byte[] secret) {
        String base32 = BaseEncoding.base32().omitPadding().encode(secret);
        String label = encode(properties.issuer()) + ":" + encode(account.email());
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(properties.issuer())
                + "&algorithm=SHA1&digits=6&period=30";
        return new Enrollment(String.join(" ", base32.split("(?<=\\G.{4})")), uri);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Account account(long accountId) {
        return accounts.byId(accountId).orElseThrow();
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
