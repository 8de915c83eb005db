package fr.preau.delivery.internal.auth;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.List;
import java.util.Locale;

/**
 * Organisational domains (RFC 7489 §3.2) from the Public Suffix List that Guava ships:
 * {@code mail.ac-dijon.fr} → {@code ac-dijon.fr}, {@code a.b.example.co.uk} →
 * {@code example.co.uk}. Private suffixes count too, so {@code alice.github.io} and
 * {@code bob.github.io} are different organisations. A top-level domain missing from the
 * list counts as a public suffix (the list's default rule {@code *}).
 */
public final class OrganizationalDomain {

    private OrganizationalDomain() {}

    /** The organisational domain of a domain (the domain itself when it has none, e.g. a bare suffix). */
    public static String of(String domain) {
        String d = normalise(domain);
        try {
            InternetDomainName name = InternetDomainName.from(d);
            if (name.isPublicSuffix()) {
                return d;
            }
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            // a top-level domain the list does not know (e.g. .example): its default rule "*"
            List<String> labels = name.parts();
            return labels.size() <= 2 ? d : String.join(".", labels.subList(labels.size() - 2, labels.size()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return d;
        }
    }

    /** Whether two domains belong to the same organisation (DMARC relaxed alignment). */
    public static boolean sameOrganization(String a, String b) {
        return !a.isBlank() && !b.isBlank() && of(a).equals(of(b));
    }

    /** Lower case, no final dot, IDNs in their ASCII form. */
    public static String normalise(String domain) {
        String d = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }
}
