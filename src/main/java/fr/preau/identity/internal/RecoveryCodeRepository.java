package fr.preau.identity.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the single-use recovery codes of two-factor authentication, kept as keyed hashes. */
@Repository
public class RecoveryCodeRepository {

    private final JdbcClient jdbc;

    public RecoveryCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every code of the account (used or not) by the new ones. */
    public void replace(long accountId, List<String> hashes, Instant now) {
        jdbc.sql("delete from two_factor_recovery_code where account_id = ?").param(accountId).update();
        for (String hash : hashes) {
            jdbc.sql("insert into two_factor_recovery_code (account_id, code_hash, created_at) values (?, ?, ?)")
                    .params(accountId, hash, AccountRepository.utc(now)).update();
        }
    }

    /** Marks an unused code as used; false if there is no such code or it was used already. */
    public boolean consume(long accountId, String hash, Instant now) {
        return jdbc.sql("""
                update two_factor_recovery_code set used_at = ?
                where account_id = ? and code_hash = ? and used_at is null""")
                .params(AccountRepository.utc(now), accountId, hash).update() == 1;
    }

    /** Whether the account has this code, used. */
    public boolean used(long accountId, String hash) {
        return jdbc.sql("""
                select count(*) from two_factor_recovery_code
                where account_id = ? and code_hash = ? and used_at is not null""")
                .params(accountId, hash).query(Integer.class).single() > 0;
    }

    public int remaining(long accountId) {
        return jdbc.sql("select count(*) from two_factor_recovery_code where account_id = ? and used_at is null")
                .param(accountId).query(Integer.class).single();
    }

    public void deleteAll(long accountId) {
        jdbc.sql("delete from two_factor_recovery_code where account_id = ?").param(accountId).update();
    }
}
