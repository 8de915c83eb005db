package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Renewing an expired password: the new one must follow the policy and differ from the old one. */
@Service
public class PasswordRenewal {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    PasswordRenewal(AccountRepository accounts, PasswordHasher hasher, PasswordPolicy policy, Tenancy tenancy,
                    AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    public PasswordPolicy.Context policyFor(long accountId) {
        Account account = accounts.byId(accountId).orElseThrow();
        return PasswordPolicy.contextOf(tenancy.academy(account.academyId()).passwordMinLength(), account);
    }

    /** Sets the new password; returns the errors by field, empty on success. */
    @Transactional
    public List<UserError> renew(long accountId, String password, String confirmation, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        List<UserError> errors = new ArrayList<>(policy.check(password, confirmation, policyFor(accountId)));
        String current = accounts.credentials(account.login()).map(AccountRepository.Credentials::passwordHash).orElse(null);
        if (errors.isEmpty() && hasher.matches(password, current)) {
            errors.add(UserError.onField("password", "password.error.same-as-before"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        accounts.setPassword(accountId, hasher.hash(password), clock.instant());
        audit.record(AuditLog.Entry.of(account.login(), "PASSWORD_RENEWED").account(accountId)
                .client(client.ip(), client.userAgent()));
        return List.of();
    }

    public Account account(long accountId) {
        return accounts.byId(accountId).orElseThrow();
    }
}
