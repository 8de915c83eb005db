package fr.preau.delivery.internal.auth;

import fr.preau.delivery.internal.dns.Dns;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * DMARC (RFC 7489) for inbound mail: finds the policy of the header From domain
 * ({@code _dmarc.<domain>}, else {@code _dmarc.<organisational domain>}), then passes the
 * message if SPF passed for an aligned MAIL FROM (or HELO, for the null sender) domain or a
 * DKIM signature passed for an aligned {@code d=}; relaxed alignment means the same
 * organisational domain, strict the same domain. Never throws.
 */
public final class DmarcCheck {

    private final Dns dns;
    private final RandomGenerator random;

    public DmarcCheck(Dns dns) {
        this(dns, null);
    }

    /** With a given random source for {@code pct=} sampling (tests); {@code null} for the thread's own. */
    DmarcCheck(Dns dns, RandomGenerator random) {
        this.dns = dns;
        this.random = random;
    }

    /**
     * @param fromDomain the domain of the RFC 5322 From address; blank when the message has
     *                   no usable From (then {@code permerror})
     * @param spf        the SPF result of the session, or {@code null} if SPF was not checked
     * @param dkim       the DKIM results of the message (empty if unsigned)
     */
    public DmarcResult check(String fromDomain, SpfResult spf, List<DkimResult> dkim) {
        String from = OrganizationalDomain.normalise(fromDomain);
        if (from.isEmpty() || !from.contains(".")) {
            return DmarcResult.without(DmarcResult.Result.PERMERROR, from, "no From domain");
        }
        String organization = OrganizationalDomain.of(from);
        DmarcRecord record;
        boolean atOrganization = false;
        try {
            Optional<DmarcRecord> own = lookup(from);
            if (own.isEmpty() && !organization.equals(from)) {
                own = lookup(organization);
                atOrganization = own.isPresent();
            }
            if (own.isEmpty()) {
                return DmarcResult.without(DmarcResult.Result.NONE, from, "no DMARC record");
            }
            record = own.get();
        } catch (Dns.TemporaryFailure e) {
            return DmarcResult.without(DmarcResult.Result.TEMPERROR, from, "DNS lookup failed");
        }
        DmarcResult.Policy policy = atOrganization ? record.subdomainPolicy() : record.policy();

        boolean spfAligned = spf != null && spf.passed() && aligned(spf.domain(), from, record.strictSpf());
        boolean dkimAligned = dkim.stream().anyMatch(d -> d.passed() && aligned(d.domain(), from, record.strictDkim()));
        if (spfAligned || dkimAligned) {
            return new DmarcResult(DmarcResult.Result.PASS, from, policy, DmarcResult.Policy.NONE, spfAligned, dkimAligned, "");
        }
        DmarcResult.Policy disposition = policy;
        if (record.percent() < 100 && (random == null ? ThreadLocalRandom.current() : random).nextInt(100) >= record.percent()) {
            disposition = policy.milder();
        }
        return new DmarcResult(DmarcResult.Result.FAIL, from, policy, disposition, false, false,
                "neither SPF nor DKIM passed for a domain aligned with " + from);
    }

    private Optional<DmarcRecord> lookup(String domain) {
        List<String> records = dns.txt("_dmarc." + domain).stream().filter(DmarcRecord::isDmarc).toList();
        if (records.size() != 1) {
            return Optional.empty(); // none, or several: RFC 7489 §6.6.3 says no policy
        }
        return DmarcRecord.parse(records.getFirst());
    }

    static boolean aligned(String authenticated, String from, boolean strict) {
        String a = OrganizationalDomain.normalise(authenticated);
        if (a.isEmpty()) {
            return false;
        }
        return strict ? a.equals(from) : OrganizationalDomain.sameOrganization(a, from);
    }
}
