package fr.preau.mail;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.internal.IndexTrigger;
import fr.preau.mail.internal.QuotaPolicy;
import fr.preau.mail.internal.QuotaWarningMessage;
import fr.preau.mail.internal.StoredMessages;
import fr.preau.platform.AfterCommit;
import fr.preau.platform.AuditLog;
import fr.preau.platform.BlobStore;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quotas: what each account may store (its own quota, else its académie's default for its
 * profile, else the installation's: 5000 MB for the full profile, 2500 MB otherwise), what it
 * uses, and the warning message an agent gets in INBOX on reaching 90 %.
 */
@Service
public class MailQuotas {

    private static final Logger log = LoggerFactory.getLogger(MailQuotas.class);

    private final QuotaPolicy policy;
    private final Accounts accounts;
    private final MailFolders folders;
    private final StoredMessages stored;
    private final QuotaWarningMessage warning;
    private final BlobStore blobs;
    private final MailEvents events;
    private final IndexTrigger index;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;
    private final AuditLog audit;

    MailQuotas(QuotaPolicy policy, Accounts accounts, MailFolders folders, StoredMessages stored,
               QuotaWarningMessage warning, BlobStore blobs, MailEvents events, IndexTrigger index,
               PlatformTransactionManager transactions, AuditLog audit) {
        this.policy = policy;
        this.accounts = accounts;
        this.folders = folders;
        this.stored = stored;
        this.warning = warning;
        this.blobs = blobs;
        this.events = events;
        this.index = index;
        this.transaction = new TransactionTemplate(transactions);
        // a transaction of its own even when called from another's commit (Spring's rule for afterCommit work)
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
    }

    public QuotaUsage usage(long accountId) {
        return policy.usage(accountId);
    }

    /** Sets an account's own quota in MB, or with null goes back to its default; audited under {@code actor}. */
    public void setAccountQuota(String actor, long accountId, Integer megabytes) {
        if (megabytes != null && (megabytes < 1 || megabytes > 1_000_000)) {
            throw fr.preau.platform.UserError.onField("quota", "mail.error.quota-range", 1, 1_000_000);
        }
        transaction.executeWithoutResult(status -> {
            policy.setAccountQuota(accountId, megabytes);
            audit.record(AuditLog.Entry.of(actor, "MAILBOX_QUOTA_SET").account(accountId)
                    .details("quota_mb=" + (megabytes == null ? "default" : megabytes)));
        });
    }

    /** Sets an académie's default quotas by profile (null: the installation's); audited under {@code actor}. */
    public void setAcademyQuota(String actor, long academyId, Integer fullMb, Integer standardMb) {
        for (Integer mb : new Integer[] {fullMb, standardMb}) {
            if (mb != null && (mb < 1 || mb > 1_000_000)) {
                throw fr.preau.platform.UserError.onField("quota", "mail.error.quota-range", 1, 1_000_000);
            }
        }
        transaction.executeWithoutResult(status -> {
            policy.setAcademyQuota(academyId, fullMb, standardMb);
            audit.record(AuditLog.Entry.of(actor, "ACADEMY_QUOTA_SET")
                    .details("academy=" + academyId + " full_mb=" + fullMb + " standard_mb=" + standardMb));
        });
    }

    /** The quota an account would have without its own (its académie's or the installation's default). */
    public long defaultLimitMegabytes(long accountId) {
        return policy.defaultLimitMb(accountId);
    }

    /**
     * Puts the "nearly full" message in the agent's INBOX when usage just reached the warning
     * level: once the caller's transaction has committed (at once without one), in transactions
     * of its own, so that a warning that cannot be written never fails the delivery behind it.
     */
    public void warnIfNearlyFull(long accountId) {
        AfterCommit.run(() -> warnNow(accountId));
    }

    private void warnNow(long accountId) {
        try {
            QuotaUsage usage = policy.usage(accountId);
            Boolean due = separate.execute(status -> policy.takeWarning(accountId, usage));
            if (!Boolean.TRUE.equals(due)) {
                return;
            }
            Optional<Account> account = accounts.byId(accountId);
            if (account.isEmpty()) {
                return;
            }
            BlobStore.Blob blob = stored.write(new ByteArrayInputStream(warning.build(account.get(), usage)));
            var parsed = stored.parse(blob);
            long inbox = folders.byRole(accountId, FolderRole.INBOX).id();
            separate.executeWithoutResult(status -> {
                blobs.claim(blob);
                AppendResult r = stored.insert(accountId, inbox, blob, parsed, MessageFlags.none(), null);
                events.publish(new MailChange(accountId, inbox, MailChange.Kind.MESSAGES_ADDED, r.modseq()));
            });
            index.changed();
        } catch (RuntimeException e) {
            // a warning that cannot be written must not fail the delivery that triggered it
            log.warn("Quota warning for account {} not delivered: {}", accountId, e.toString());
        }
    }
}
