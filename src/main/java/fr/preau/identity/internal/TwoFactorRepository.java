package fr.preau.identity.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the TOTP secret of each account: pending (enrollment not confirmed) or on. */
@Repository
public class TwoFactorRepository {

    /** One account's row; {@code enabledAt} is null while the enrollment waits for its first code. */
    public record Row(long accountId, String secretSealed, Instant createdAt, Instant enabledAt, Long lastUsedStep) {
        public boolean enabled() {
            return enabledAt != null;
        }
    }

    private final JdbcClient jdbc;

    public TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long accountId) {
        return jdbc.sql("select * from two_factor where account_id = ?").param(accountId)
                .query((rs, n) -> new Row(rs.getLong("account_id"), rs.getString("secret_sealed"),
                        AccountRepository.instant(rs, "created_at"), AccountRepository.instant(rs, "enabled_at"),
                        rs.getObject("last_used_step", Long.class)))
                .optional();
    }

    /** Keeps a new pending secret, replacing a pending one; never replaces a secret that is on (returns false). */
    public boolean savePending(long accountId, String sealed, Instant now) {
        jdbc.sql("delete from two_factor where account_id = ? and enabled_at is null").param(accountId).update();
        try {
            return jdbc.sql("insert into two_factor (account_id, secret_sealed, created_at) values (?, ?, ?)")
                    .params(accountId, sealed, AccountRepository.utc(now)).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException alreadyOn) {
            return false;
        }
    }

    /** Turns the pending secret on, with the step of its first code as the last used one. */
    public boolean enable(long accountId, long step, Instant now) {
        return jdbc.sql("""
                update two_factor set enabled_at = ?, last_used_step = ?
                where account_id = ? and enabled_at is null""")
                .params(AccountRepository.utc(now), step, accountId).update() == 1;
    }

    /**
     * Records that the code of {@code step} was used, if no code of that step or a later one was:
     * one statement, so that two logins racing with the same code cannot both succeed.
     */
    public boolean useStep(long accountId, long step) {
        return jdbc.sql("""
                update two_factor set last_used_step = ?
                where account_id = ? and enabled_at is not null and (last_used_step is null or last_used_step < ?)""")
                .params(step, accountId, step).update() == 1;
    }

    public boolean delete(long accountId) {
        return jdbc.sql("delete from two_factor where account_id = ?").param(accountId).update() == 1;
    }

    public void deletePending(long accountId) {
        jdbc.sql("delete from two_factor where account_id = ? and enabled_at is null").param(accountId).update();
    }
}
