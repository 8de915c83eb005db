package fr.preau.delivery;

import fr.preau.delivery.internal.auth.DkimDnsRecord;
import fr.preau.delivery.internal.auth.DkimKey;
import fr.preau.delivery.internal.auth.DkimKeys;
import fr.preau.delivery.internal.inbound.RecipientResolver;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The mail domains Préau hosts (the académies' domains) and what they must publish in DNS:
 * the DKIM key record (the key is made on first use), and the SPF and DMARC records we advise.
 */
@Service
public class MailDomains {

    /** The records to publish for a domain: each with its DNS name and its TXT value as a zone-file line. */
    public record DnsAdvice(String domain, String selector, String dkimName, List<String> dkimStrings, String dkimZoneLine,
                            String spfZoneLine, String dmarcZoneLine) {}

    private final DkimKeys keys;
    private final RecipientResolver domains;
    private final AuditLog audit;

    MailDomains(DkimKeys keys, RecipientResolver domains, AuditLog audit) {
        this.keys = keys;
        this.domains = domains;
        this.audit = audit;
    }

    /** What {@code domain} publishes; refused for a domain that is not hosted here. */
    public DnsAdvice dnsRecords(String actor, String domain, String mxHost) {
        String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (!domains.isHosted(d)) {
            throw UserError.of("delivery.error.domain-not-hosted", domain);
        }
        boolean fresh = keys.all(d).isEmpty();
        DkimKey key = keys.current(d);
        if (fresh) {
            audit.record(AuditLog.Entry.of(actor, "DKIM_KEY_CREATED").details("domain=" + d + " selector=" + key.selector()));
        }
        DkimDnsRecord record = DkimKeys.dnsRecord(key);
        return new DnsAdvice(d, key.selector(), record.name(), record.strings(), record.zoneLine(),
                d + ". TXT \"v=spf1 mx a:" + mxHost + " -all\"",
                "_dmarc." + d + ". TXT \"v=DMARC1; p=quarantine; rua=mailto:postmaster@" + d + "\"");
    }
}
