package fr.preau.identity.internal;

import fr.preau.platform.PreauProperties;
import fr.preau.platform.SecretKeys;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use activation codes: 12 characters from an alphabet without look-alikes
 * (printed as {@code ABCD-EFGH-JKMN}), about 59 bits, valid for a configured time.
 * Only a keyed hash bound to the account is stored; issuing a new code replaces the old one,
 * and activation deletes it.
 */
@Component
public class ActivationCodes {

    /** A code as issued: shown once, then only its hash remains. */
    public record Issued(String code, Instant expiresAt) {}

    /** What checking a typed code found. */
    public enum Check { VALID, EXPIRED, WRONG }

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final SecretKeys keys;
    private final Clock clock;
    private final PreauProperties properties;

    private final org.springframework.jdbc.core.JdbcTemplate template;

    public ActivationCodes(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, SecretKeys keys,
                           Clock clock, PreauProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.keys = keys;
        this.clock = clock;
        this.properties = properties;
    }

    /** Creates a code for the account, replacing any earlier one. */
    public Issued issue(long accountId) {
        Issued issued = generate();
        store(accountId, issued);
        return issued;
    }

    /** A new code not yet stored (for batch imports, with {@link #store}). */
    public Issued generate() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new Issued(code.toString(), clock.instant().plus(properties.activation().codeValidity()));
    }

    public void store(long accountId, Issued issued) {
        jdbc.sql("delete from activation_code where account_id = ?").param(accountId).update();
        jdbc.sql("insert into activation_code (account_id, code_hash, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(accountId, hash(accountId, issued.code()), OffsetDateTime.now(clock),
                        AccountRepository.utc(issued.expiresAt()))
                .update();
    }

    /** Stores codes for many new accounts in JDBC batches (import). */
    public void storeAll(java.util.List<Long> accountIds, java.util.List<Issued> issued) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        java.util.List<Object[]> rows = new java.util.ArrayList<>(accountIds.size());
        for (int i = 0; i < accountIds.size(); i++) {
            long id = accountIds.get(i);
            rows.add(new Object[] {id, hash(id, issued.get(i).code()), now, AccountRepository.utc(issued.get(i).expiresAt())});
        }
        template.batchUpdate("insert into activation_code (account_id, code_hash, issued_at, expires_at) values (?, ?, ?, ?)",
                rows);
    }

    public Check check(long accountId, String typed) {
        record Row(String hash, Instant expiresAt) {}
        Optional<Row> row = jdbc.sql("select code_hash, expires_at from activation_code where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Row(rs.getString("code_hash"), AccountRepository.instant(rs, "expires_at")))
                .optional();
        if (row.isEmpty() || !MessageDigest.isEqual(
                row.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash(accountId, typed).getBytes(StandardCharsets.US_ASCII))) {
            return Check.WRONG;
        }
        return row.get().expiresAt().isAfter(clock.instant()) ? Check.VALID : Check.EXPIRED;
    }

    public void revoke(long accountId) {
        jdbc.sql("delete from activation_code where account_id = ?").param(accountId).update();
    }

    /** The expiry of the account's live code, if it has one. */
    public Optional<Instant> expiry(long accountId) {
        return jdbc.sql("select expires_at from activation_code where account_id = ?").param(accountId)
                .query((rs, n) -> AccountRepository.instant(rs, "expires_at")).optional();
    }

    private String hash(long accountId, String code) {
        String normalized = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return keys.hmacHex("activation-code", accountId + ":" + normalized);
    }
}
