package fr.preau.mail.internal;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.QuotaUsage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each account's quota: its own when an administrator set one, else its académie's default
 * for its profile, else the installation's (5000 MB for the full profile, 2500 MB for the
 * standard one). Usage is the sum of the account's folder sizes, kept in step with every change.
 */
@Component
public class QuotaPolicy {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final MailboxRepository mailboxes;
    private final MailProperties properties;
    private final Clock clock;

    public QuotaPolicy(JdbcClient jdbc, Accounts accounts, MailboxRepository mailboxes, MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.properties = properties;
        this.clock = clock;
    }

    public QuotaUsage usage(long accountId) {
        long[] used = mailboxes.usage(accountId);
        return new QuotaUsage(used[0], QuotaUsage.megabytes(limitMb(accountId)), (int) used[1]);
    }

    public long limitMb(long accountId) {
        Optional<Integer> own = jdbc.sql("select quota_mb from mail_account where account_id = ? and quota_mb is not null")
                .param(accountId).query(Integer.class).optional();
        if (own.isPresent()) {
            return own.get();
        }
        return defaultLimitMb(accountId);
    }

    /** The limit without the account's own quota: its académie's default for its profile, else the installation's. */
    public long defaultLimitMb(long accountId) {
        Account account = accounts.byId(accountId).orElseThrow(fr.preau.mail.NoSuchFolderException::new);
        boolean full = properties.quota().fullRoles().contains(account.role());
        Optional<Integer> academy = jdbc.sql("select " + (full ? "full_mb" : "standard_mb")
                        + " from mail_academy_quota where academy_id = ?")
                .param(account.academyId()).query(Integer.class).optional();
        return academy.map(Integer::longValue).orElse(full ? properties.quota().fullMb() : properties.quota().standardMb());
    }

    /** Sets (or, with null, removes) an account's own quota. */
    public void setAccountQuota(long accountId, Integer megabytes) {
        jdbc.sql("insert into mail_account (account_id) values (?) on conflict do nothing").param(accountId).update();
        jdbc.sql("update mail_account set quota_mb = ? where account_id = ?").params(megabytes, accountId).update();
    }

    /** Sets an académie's defaults by profile (null leaves the installation's default). */
    public void setAcademyQuota(long academyId, Integer fullMb, Integer standardMb) {
        jdbc.sql("insert into mail_academy_quota (academy_id) values (?) on conflict do nothing").param(academyId).update();
        jdbc.sql("update mail_academy_quota set full_mb = ?, standard_mb = ? where academy_id = ?")
                .params(fullMb, standardMb, academyId).update();
    }

    /**
     * Whether the agent should now be warned that the quota is nearly used up: true once when
     * usage reaches the warning level, again only after it went back under it.
     */
    public boolean takeWarning(long accountId, QuotaUsage usage) {
        int warn = properties.quota().warnPercent();
        if (usage.percent() < warn) {
            // after nearly every delivery, in its transaction: writes nothing (locks no row) unless a warning was given
            jdbc.sql("update mail_account set warned_at = null where account_id = ? and warned_at is not null")
                    .param(accountId).update();
            return false;
        }
        jdbc.sql("insert into mail_account (account_id) values (?) on conflict do nothing").param(accountId).update();
        return jdbc.sql("update mail_account set warned_at = ? where account_id = ? and warned_at is null")
                .params(OffsetDateTime.now(clock), accountId).update() == 1;
    }
}
