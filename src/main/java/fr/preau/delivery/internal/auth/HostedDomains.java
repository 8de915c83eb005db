package fr.preau.delivery.internal.auth;

import java.util.Locale;
import java.util.Set;

/** The mail domains Préau hosts (the académies'), which outsiders must not pretend to be. */
@FunctionalInterface
public interface HostedDomains {

    /** Every hosted domain, lower case. */
    Set<String> all();

    /** Whether a domain is hosted or a subdomain of one. */
    default boolean covers(String domain) {
        String d = OrganizationalDomain.normalise(domain);
        return !d.isEmpty() && all().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(h -> d.equals(h) || d.endsWith("." + h));
    }
}
