package fr.preau.identity.internal;

import fr.preau.platform.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, short-lived codes (6 digits, typed) and links (32 random bytes, clicked) for one
 * purpose of one account. Only keyed hashes are stored, bound to the account and the purpose;
 * issuing a new one kills the live ones of the same purpose; a code dies after a few wrong
 * tries; using one is atomic, so a code or link works once even when submitted twice at once.
 */
@Component
public class OneTimeCodes {

    /** What a code or link is for; a code of one purpose never works for another. */
    public enum Purpose { RESET_EMAIL, RESET_SMS, RESET_QUESTIONS, RESET_LINK, VERIFY_EMAIL, VERIFY_MOBILE, IDENTIFIER_REMINDER }

    /** A code as issued: its clear values exist only here, to be sent. */
    public record Issued(long id, String code, String linkToken, Instant expiresAt) {}

    /** A live row, found by its code or link. */
    public record Found(long id, long accountId, Purpose purpose, String target, Instant expiresAt) {}

    /** What checking a code or a link came to. */
    public sealed interface Check {
        record Valid(Found code) implements Check {}
        /** Wrong code; {@code attemptsLeft} more tries before it dies (0: it is dead now). */
        record Wrong(int attemptsLeft) implements Check {}
        record Expired() implements Check {}
        record AlreadyUsed() implements Check {}
        /** No live code for this account and purpose (never issued, replaced, or dead after too many tries). */
        record None() implements Check {}
    }

    private static final int CODE_DIGITS = 6;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final SecretKeys keys;
    private final Clock clock;
    private final RecoveryProperties properties;

    public OneTimeCodes(JdbcClient jdbc, SecretKeys keys, Clock clock, RecoveryProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.properties = properties;
    }

    /** Issues a code (and a link token when {@code withLink}), killing the live ones of the same purpose. */
    public Issued issue(long accountId, Purpose purpose, String target, Duration validity, boolean withLink) {
        Instant now = clock.instant();
        jdbc.sql("delete from one_time_code where expires_at < ?").param(AccountRepository.utc(now.minus(Duration.ofDays(1))))
                .update();
        jdbc.sql("update one_time_code set used_at = ? where account_id = ? and purpose = ? and used_at is null")
                .params(AccountRepository.utc(now), accountId, purpose.name()).update();
        String code = digits();
        String token = withLink ? token() : null;
        Instant expires = now.plus(validity);
        org.springframework.jdbc.support.GeneratedKeyHolder keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into one_time_code (account_id, purpose, code_hash, link_hash, target, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(accountId, purpose.name(), codeHash(accountId, purpose, code), token == null ? null : linkHash(token),
                        target, AccountRepository.utc(now), AccountRepository.utc(expires))
                .update(keyHolder, "id");
        return new Issued(keyHolder.getKeyAs(Number.class).longValue(), code, token, expires);
    }

    /** How many codes of any purpose were issued to the account since {@code since}. */
    public int issuedSince(long accountId, Instant since) {
        return jdbc.sql("select count(*) from one_time_code where account_id = ? and created_at >= ?")
                .params(accountId, AccountRepository.utc(since)).query(Integer.class).single();
    }

    /** Checks a typed code against the account's latest code of the purpose; a wrong one costs a try. */
    public Check checkCode(long accountId, Purpose purpose, String typed) {
        Optional<Row> latest = jdbc.sql("""
                        select id, account_id, purpose, code_hash, target, expires_at, attempts, used_at from one_time_code
                        where account_id = ? and purpose = ? order by id desc fetch first 1 rows only""")
                .params(accountId, purpose.name()).query(OneTimeCodes::row).list().stream().findFirst();
        if (latest.isEmpty() || latest.get().attempts() >= properties.maxAttempts()) {
            return new Check.None();
        }
        Row row = latest.get();
        if (!equal(row.codeHash(), codeHash(accountId, purpose, normalize(typed)))) {
            if (row.usedAt() != null) {
                return new Check.None();
            }
            int attempts = jdbc.sql("update one_time_code set attempts = attempts + 1 where id = ?").param(row.id()).update() > 0
                    ? row.attempts() + 1 : row.attempts();
            return new Check.Wrong(Math.max(0, properties.maxAttempts() - attempts));
        }
        return status(row);
    }

    /** Checks a clicked link token (any account, the given purpose). */
    public Check checkLink(Purpose purpose, String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return new Check.None();
        }
        Optional<Row> found = jdbc.sql("""
                        select id, account_id, purpose, code_hash, target, expires_at, attempts, used_at from one_time_code
                        where link_hash = ? and purpose = ?""")
                .params(linkHash(token), purpose.name()).query(OneTimeCodes::row).optional();
        return found.map(this::status).orElse(new Check.None());
    }

    /** Marks the code used; true only for the one caller that used it (the others lost a race). */
    public boolean consume(long id) {
        return jdbc.sql("update one_time_code set used_at = ? where id = ? and used_at is null and expires_at > ?")
                .params(AccountRepository.utc(clock.instant()), id, AccountRepository.utc(clock.instant())).update() == 1;
    }

    /** Kills every live code of the account (after a reset, every earlier link is worthless). */
    public void revokeAll(long accountId) {
        jdbc.sql("update one_time_code set used_at = ? where account_id = ? and used_at is null")
                .params(AccountRepository.utc(clock.instant()), accountId).update();
    }

    private Check status(Row row) {
        if (row.usedAt() != null) {
            return new Check.AlreadyUsed();
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            return new Check.Expired();
        }
        return new Check.Valid(new Found(row.id(), row.accountId(), Purpose.valueOf(row.purpose()), row.target(), row.expiresAt()));
    }

    private record Row(long id, long accountId, String purpose, String codeHash, String target, Instant expiresAt,
                       int attempts, Instant usedAt) {}

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("account_id"), rs.getString("purpose"), rs.getString("code_hash"),
                rs.getString("target"), AccountRepository.instant(rs, "expires_at"), rs.getInt("attempts"),
                AccountRepository.instant(rs, "used_at"));
    }

    private String digits() {
        StringBuilder code = new StringBuilder(CODE_DIGITS);
        for (int i = 0; i < CODE_DIGITS; i++) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    private String codeHash(long accountId, Purpose purpose, String code) {
        return keys.hmacHex("one-time-code", purpose.name() + ":" + accountId + ":" + code);
    }

    private String linkHash(String token) {
        return keys.hmacHex("one-time-link", token);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
