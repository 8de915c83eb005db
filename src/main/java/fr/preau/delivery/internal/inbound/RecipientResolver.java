package fr.preau.delivery.internal.inbound;

import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Accounts;
import fr.preau.identity.Role;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Routes an address: the hosted domains are the académies' mail domains; an address there is
 * an account's ({@code prenom.nom@}, case-insensitive, with an optional {@code +tag}), or
 * {@code postmaster@} / {@code abuse@}, which RFC 5321 and RFC 2142 require and which go to
 * the académie's administrators. Pending accounts receive mail (it waits for their first
 * connection); suspended ones do not.
 */
@Component
public class RecipientResolver {

    private static final Set<String> ROLE_ADDRESSES = Set.of("postmaster", "abuse");

    private final Accounts accounts;
    private final Tenancy tenancy;

    public RecipientResolver(Accounts accounts, Tenancy tenancy) {
        this.accounts = accounts;
        this.tenancy = tenancy;
    }

    public Recipient resolve(String address) {
        String normalized = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        int at = normalized.lastIndexOf('@');
        if (at <= 0 || at == normalized.length() - 1) {
            return new Recipient.Unknown(normalized);
        }
        String local = normalized.substring(0, at);
        String domain = normalized.substring(at + 1);
        Optional<Academy> academy = tenancy.academyByDomain(domain);
        if (academy.isEmpty()) {
            return new Recipient.Remote(normalized, domain);
        }
        int plus = local.indexOf('+');
        String base = plus > 0 ? local.substring(0, plus) : local;
        if (ROLE_ADDRESSES.contains(base)) {
            List<Account> admins = accounts.withRole(academy.get().id(), Role.ADMINISTRATEUR);
            return admins.isEmpty() ? new Recipient.Unknown(normalized) : new Recipient.Local(normalized, admins);
        }
        Optional<Account> account = accounts.byEmail(base + "@" + domain);
        if (account.isEmpty()) {
            return new Recipient.Unknown(normalized);
        }
        if (account.get().status() == AccountStatus.SUSPENDED) {
            return new Recipient.Disabled(normalized);
        }
        return new Recipient.Local(normalized, List.of(account.get()));
    }

    /** The mail domain of the first académie, for a bare {@code RCPT TO:<Postmaster>}. */
    public Optional<String> firstHostedDomain() {
        return tenancy.academies().stream().map(Academy::mailDomain).findFirst();
    }

    /** Whether a domain is one of Préau's (an académie's mail domain). */
    public boolean isHosted(String domain) {
        return domain != null && tenancy.academyByDomain(domain.strip().toLowerCase(Locale.ROOT)).isPresent();
    }
}
