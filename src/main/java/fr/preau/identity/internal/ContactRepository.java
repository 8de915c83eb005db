package fr.preau.identity.internal;

import fr.preau.identity.RecoveryContacts;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An account's backup address and mobile, and when each was verified. */
@Component
public class ContactRepository {

    private final JdbcClient jdbc;

    public ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RecoveryContacts> of(long accountId) {
        return jdbc.sql("select backup_email, backup_email_verified_at, mobile, mobile_verified_at from account where id = ?")
                .param(accountId)
                .query((rs, n) -> new RecoveryContacts(rs.getString("backup_email"),
                        AccountRepository.instant(rs, "backup_email_verified_at"), rs.getString("mobile"),
                        AccountRepository.instant(rs, "mobile_verified_at")))
                .optional();
    }

    /** A new backup address (or none), not verified yet. */
    public void setBackupEmail(long accountId, String email) {
        jdbc.sql("update account set backup_email = ?, backup_email_verified_at = null where id = ?")
                .params(email, accountId).update();
    }

    /** A new mobile number (or none), not verified yet. */
    public void setMobile(long accountId, String mobile) {
        jdbc.sql("update account set mobile = ?, mobile_verified_at = null where id = ?").params(mobile, accountId).update();
    }

    /** Marks the backup address verified, if it is still the one the code was sent to. */
    public boolean verifyBackupEmail(long accountId, String email, Instant at) {
        return jdbc.sql("update account set backup_email_verified_at = ? where id = ? and backup_email = ?")
                .params(AccountRepository.utc(at), accountId, email).update() == 1;
    }

    /** Marks the mobile verified, if it is still the number the code was sent to. */
    public boolean verifyMobile(long accountId, String mobile, Instant at) {
        return jdbc.sql("update account set mobile_verified_at = ? where id = ? and mobile = ?")
                .params(AccountRepository.utc(at), accountId, mobile).update() == 1;
    }
}
