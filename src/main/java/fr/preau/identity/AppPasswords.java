package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.AppPasswordRepository;
import fr.preau.identity.internal.SecretCodes;
import fr.preau.identity.internal.TwoFactorProperties;
import fr.preau.platform.AuditLog;
import fr.preau.platform.SecretKeys;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * App passwords: once two-factor authentication is on, mail clients (IMAP, SMTP) sign in with
 * a password the server generated for them, never with the account's own. Each has a name,
 * is shown once, is kept as a keyed hash (it has about 79 bits of entropy: no need for a slow
 * hash, see docs/adr/0026), is listed with its last use and can be revoked.
 */
@Service
public class AppPasswords {

    static final int MAX_NAME = 60;
    /** A use is written at most this often per app password (mail clients log in again and again). */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(5);

    public record AppPassword(long id, String name, Instant createdAt, Instant lastUsedAt, String lastUsedProtocol) {}

    /** The outcome of creating one. */
    public sealed interface Creation {
        /** Created: {@code password} (groups of four) is shown this once. */
        record Created(AppPassword appPassword, String password) implements Creation {}

        record Refused(UserError error) implements Creation {}
    }

    private final AppPasswordRepository repository;
    private final AccountRepository accounts;
    private final TwoFactor twoFactor;
    private final TwoFactorProperties properties;
    private final SecretKeys keys;
    private final SecurityNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    AppPasswords(AppPasswordRepository repository, AccountRepository accounts, TwoFactor twoFactor,
                 TwoFactorProperties properties, SecretKeys keys, SecurityNotices notices, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.properties = properties;
        this.keys = keys;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AppPassword> list(long accountId) {
        return repository.list(accountId).stream()
                .map(r -> new AppPassword(r.id(), r.name(), r.createdAt(), r.lastUsedAt(), r.lastUsedProtocol()))
                .toList();
    }

    /** A new app password named {@code name}; only once two-factor authentication is on. */
    @Transactional
    public Creation create(long accountId, String name, ClientInfo client) {
        if (!twoFactor.enabled(accountId)) {
            return new Creation.Refused(UserError.of("app-passwords.error.two-factor-off"));
        }
        String typed = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        if (typed.isEmpty()) {
            return new Creation.Refused(UserError.onField("name", "app-passwords.error.name-missing"));
        }
        if (typed.length() > MAX_NAME) {
            return new Creation.Refused(UserError.onField("name", "app-passwords.error.name-too-long", MAX_NAME));
        }
        List<AppPasswordRepository.Row> existing = repository.list(accountId);
        if (existing.stream().anyMatch(r -> r.name().equalsIgnoreCase(typed))) {
            return new Creation.Refused(UserError.onField("name", "app-passwords.error.name-taken"));
        }
        if (existing.size() >= properties.maxAppPasswords()) {
            return new Creation.Refused(UserError.of("app-passwords.error.too-many", properties.maxAppPasswords()));
        }
        String password = SecretCodes.random(16, 4);
        Instant now = clock.instant();
        long id = repository.insert(accountId, typed, hash(accountId, SecretCodes.normalize(password)), now);
        audit.record(AuditLog.Entry.of(login(accountId), "APP_PASSWORD_CREATED").account(accountId)
                .client(client.ip(), client.userAgent()).details("name=" + typed));
        notices.changed(accountId, SecurityNotices.Change.APP_PASSWORD_CREATED, client);
        return new Creation.Created(new AppPassword(id, typed, now, null, null), password);
    }

    /** Revokes one of the account's app passwords (nothing if the id is another account's). */
    public boolean revoke(long accountId, long id, ClientInfo client) {
        Optional<String> name = repository.name(accountId, id);
        if (name.isEmpty() || !repository.revoke(accountId, id)) {
            return false;
        }
        audit.record(AuditLog.Entry.of(login(accountId), "APP_PASSWORD_REVOKED").account(accountId)
                .client(client.ip(), client.userAgent()).details("name=" + name.get()));
        notices.changed(accountId, SecurityNotices.Change.APP_PASSWORD_REVOKED, client);
        return true;
    }

    /** The app password of the account that {@code typed} is, if any (for {@link Authentication}). */
    Optional<Long> match(long accountId, String typed) {
        String normalized = SecretCodes.normalize(typed);
        if (normalized.length() != 16) {
            return Optional.empty();
        }
        return repository.find(accountId, hash(accountId, normalized));
    }

    void recordUse(long id, String protocol) {
        Instant now = clock.instant();
        repository.recordUse(id, protocol, now, now.minus(USE_RESOLUTION));
    }

    private String hash(long accountId, String normalized) {
        return keys.hmacHex("app-password", accountId + ":" + normalized);
    }

    private String login(long accountId) {
        return accounts.byId(accountId).map(Account::login).orElse("?");
    }
}
