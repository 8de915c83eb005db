package fr.preau.identity.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The hashes of an account's previous passwords, so that a new one is not one of the last few. */
@Component
public class PasswordHistory {

    private final JdbcClient jdbc;

    public PasswordHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code hash} (the password being replaced) and forgets all but the {@code keep} newest. */
    public void remember(long accountId, String hash, Instant changedAt, int keep) {
        jdbc.sql("insert into password_history (account_id, password_hash, changed_at) values (?, ?, ?)")
                .params(accountId, hash, AccountRepository.utc(changedAt)).update();
        List<Long> old = jdbc.sql("select id from password_history where account_id = ? order by changed_at desc, id desc")
                .param(accountId).query(Long.class).list();
        if (old.size() > keep) {
            jdbc.sql("delete from password_history where id in (:ids)").param("ids", old.subList(keep, old.size())).update();
        }
    }

    /** The {@code limit} newest previous hashes. */
    public List<String> latest(long accountId, int limit) {
        return jdbc.sql("select password_hash from password_history where account_id = ? order by changed_at desc, id desc")
                .param(accountId).query(String.class).list().stream().limit(Math.max(0, limit)).toList();
    }
}
