package fr.preau.delivery.internal.auth;

import fr.preau.delivery.internal.dns.Dns;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.impl.SPF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPF (RFC 7208) for inbound SMTP, on Apache jSPF with its DNS adapted onto our {@link Dns}:
 * is the client address allowed to send for the MAIL FROM domain (the HELO name when the
 * sender is null)? jSPF applies the mechanisms, macros, {@code redirect=}/{@code exp=} and
 * the limit of 10 DNS-querying terms. Never throws: a DNS failure is {@code temperror}, a bad
 * record {@code permerror}, a sender without a domain {@code none}.
 */
public final class SpfCheck {

    private static final Logger log = LoggerFactory.getLogger(SpfCheck.class);
    private static final String DEFAULT_EXPLANATION = "%{i} is not one of %{d}'s designated mail servers";

    private final SPF spf;

    /**
     * @param dns           where the SPF records and the addresses they name are looked up
     * @param receivingHost this server's host name (the {@code %{r}} macro), e.g. {@code mx.ac-dijon.fr}
     */
    public SpfCheck(Dns dns, String receivingHost) {
        this.spf = new SPF(new JspfDns(dns, receivingHost));
        this.spf.setDefaultExplanation(DEFAULT_EXPLANATION);
    }

    /**
     * Checks the client of an SMTP session.
     *
     * @param client   the connecting address
     * @param mailFrom the MAIL FROM address without angle brackets; empty or {@code null} for the null sender
     * @param helo     the HELO/EHLO name
     */
    public SpfResult check(InetAddress client, String mailFrom, String helo) {
        String from = mailFrom == null ? "" : mailFrom.trim();
        String heloName = helo == null ? "" : helo.trim();
        SpfResult.Identity identity = from.isEmpty() ? SpfResult.Identity.HELO : SpfResult.Identity.MAILFROM;
        String domain = identity == SpfResult.Identity.HELO ? heloName : domainOf(from);
        if (domain.isEmpty() || domain.startsWith("[") || !domain.contains(".")) {
            // an address literal or a bare word as HELO, or a sender without a domain: nothing to check
            return new SpfResult(SpfResult.Result.NONE, identity, domain, "");
        }
        try {
            SPFResult result = spf.checkSPF(address(client), from, heloName);
            return new SpfResult(result(result.getResult()), identity, domain.toLowerCase(Locale.ROOT),
                    result.getExplanation());
        } catch (RuntimeException e) {
            log.warn("SPF check of {} for {} failed: {}", client.getHostAddress(), domain, e.toString());
            return new SpfResult(SpfResult.Result.TEMPERROR, identity, domain.toLowerCase(Locale.ROOT), "");
        }
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).trim();
    }

    /** The textual address jSPF expects: IPv4-mapped IPv6 as IPv4, no scope. */
    private static String address(InetAddress client) {
        byte[] bytes = client.getAddress();
        if (client instanceof Inet6Address && isV4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        String text = client.getHostAddress();
        int scope = text.indexOf('%');
        return client instanceof Inet4Address || scope < 0 ? text : text.substring(0, scope);
    }

    private static boolean isV4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static SpfResult.Result result(String jspf) {
        if (jspf == null) {
            return SpfResult.Result.TEMPERROR;
        }
        return switch (jspf.toLowerCase(Locale.ROOT)) {
            case "pass" -> SpfResult.Result.PASS;
            case "fail" -> SpfResult.Result.FAIL;
            case "softfail" -> SpfResult.Result.SOFTFAIL;
            case "neutral" -> SpfResult.Result.NEUTRAL;
            case "none" -> SpfResult.Result.NONE;
            case "permerror" -> SpfResult.Result.PERMERROR;
            default -> SpfResult.Result.TEMPERROR;
        };
    }
}
