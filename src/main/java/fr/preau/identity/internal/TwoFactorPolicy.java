package fr.preau.identity.internal;

import fr.preau.identity.Account;
import fr.preau.tenancy.Tenancy;
import org.springframework.stereotype.Component;

/** Whether an account must use two-factor authentication: by its role, as its académie (or the installation) says. */
@Component
public class TwoFactorPolicy {

    private final TwoFactorProperties properties;
    private final Tenancy tenancy;

    public TwoFactorPolicy(TwoFactorProperties properties, Tenancy tenancy) {
        this.properties = properties;
        this.tenancy = tenancy;
    }

    public boolean required(Account account) {
        return properties.requiredRolesOf(tenancy.academy(account.academyId()).code()).contains(account.role());
    }
}
