package fr.preau.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the app passwords of mail clients, kept as keyed hashes. */
@Repository
public class AppPasswordRepository {

    public record Row(long id, String name, Instant createdAt, Instant lastUsedAt, String lastUsedProtocol) {}

    private final JdbcClient jdbc;

    public AppPasswordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long accountId, String name, String passwordHash, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into app_password (account_id, name, password_hash, created_at) values (?, ?, ?, ?)")
                .params(accountId, name, passwordHash, AccountRepository.utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The account's app password with this hash, if any. */
    public Optional<Long> find(long accountId, String passwordHash) {
        return jdbc.sql("select id from app_password where account_id = ? and password_hash = ?")
                .params(accountId, passwordHash).query(Long.class).optional();
    }

    /**
     * Records a use (time and protocol). Mail clients log in again and again: the row is written
     * only when the protocol changes or the last use is older than {@code notBefore}.
     */
    public void recordUse(long id, String protocol, Instant now, Instant notBefore) {
        jdbc.sql("""
                update app_password set last_used_at = ?, last_used_protocol = ?
                where id = ? and (last_used_at is null or last_used_at < ? or last_used_protocol <> ?)""")
                .params(AccountRepository.utc(now), protocol, id, AccountRepository.utc(notBefore), protocol).update();
    }

    /** The account's app passwords, newest first. */
    public List<Row> list(long accountId) {
        return jdbc.sql("select * from app_password where account_id = ? order by created_at desc, id desc")
                .param(accountId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), AccountRepository.instant(rs, "created_at"),
                        AccountRepository.instant(rs, "last_used_at"), rs.getString("last_used_protocol")))
                .list();
    }

    public int count(long accountId) {
        return jdbc.sql("select count(*) from app_password where account_id = ?").param(accountId)
                .query(Integer.class).single();
    }

    /** The name of one app password of the account, if it is the account's. */
    public Optional<String> name(long accountId, long id) {
        return jdbc.sql("select name from app_password where account_id = ? and id = ?").params(accountId, id)
                .query(String.class).optional();
    }

    public boolean revoke(long accountId, long id) {
        return jdbc.sql("delete from app_password where account_id = ? and id = ?").params(accountId, id).update() == 1;
    }

    public int revokeAll(long accountId) {
        return jdbc.sql("delete from app_password where account_id = ?").param(accountId).update();
    }
}
