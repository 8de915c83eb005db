package fr.preau.identity.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the browsers an agent trusts to skip the second step, by keyed hash of their cookie's token. */
@Repository
public class TrustedBrowserRepository {

    public record Row(long id, String userAgent, String ip, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {}

    private final JdbcClient jdbc;

    public TrustedBrowserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long accountId, String tokenHash, String userAgent, String ip, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into two_factor_trusted_browser (account_id, token_hash, user_agent, ip, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(accountId, tokenHash, truncate(userAgent, 300), truncate(ip, 64), AccountRepository.utc(now),
                        AccountRepository.utc(expiresAt))
                .update();
    }

    /** Whether the token is the account's and not expired; if so, records its use. */
    public boolean use(long accountId, String tokenHash, Instant now) {
        return jdbc.sql("""
                update two_factor_trusted_browser set last_used_at = ?
                where account_id = ? and token_hash = ? and expires_at > ?""")
                .params(AccountRepository.utc(now), accountId, tokenHash, AccountRepository.utc(now)).update() == 1;
    }

    /** The account's browsers still trusted, newest first. */
    public List<Row> list(long accountId, Instant now) {
        return jdbc.sql("""
                select * from two_factor_trusted_browser where account_id = ? and expires_at > ?
                order by created_at desc, id desc""")
                .params(accountId, AccountRepository.utc(now))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("user_agent"), rs.getString("ip"),
                        AccountRepository.instant(rs, "created_at"), AccountRepository.instant(rs, "expires_at"),
                        AccountRepository.instant(rs, "last_used_at")))
                .list();
    }

    /** Revokes one browser of the account (nothing if the id is another account's). */
    public boolean revoke(long accountId, long id) {
        return jdbc.sql("delete from two_factor_trusted_browser where account_id = ? and id = ?")
                .params(accountId, id).update() == 1;
    }

    public int revokeAll(long accountId) {
        return jdbc.sql("delete from two_factor_trusted_browser where account_id = ?").param(accountId).update();
    }

    /** Expired rows. */
    public int prune(Instant now) {
        return jdbc.sql("delete from two_factor_trusted_browser where expires_at <= ?")
                .param(AccountRepository.utc(now)).update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
