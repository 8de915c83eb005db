package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Renewing an expired password right after a login with it: the rules of every password change
 * ({@link PasswordChanges#renew}: policy, not one of the last ones).
 */
@Service
public class PasswordRenewal {

    private final AccountRepository accounts;
    private final PasswordChanges changes;

    PasswordRenewal(AccountRepository accounts, PasswordChanges changes) {
        this.accounts = accounts;
        this.changes = changes;
    }

    public PasswordPolicy.Context policyFor(long accountId) {
        return changes.policyFor(accountId);
    }

    /** Sets the new password; returns the errors by field, empty on success. */
    public List<UserError> renew(long accountId, String password, String confirmation, ClientInfo client) {
        return changes.renew(accountId, password, confirmation, client);
    }

    public Account account(long accountId) {
        return accounts.byId(accountId).orElseThrow();
    }
}
