package fr.preau.delivery.internal.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code _dmarc} TXT record (RFC 7489 §6.3): the policy, the subdomain policy,
 * alignment modes and the sampling percentage. Reporting tags are read but not used (Préau
 * sends no aggregate reports).
 */
record DmarcRecord(DmarcResult.Policy policy, DmarcResult.Policy subdomainPolicy, boolean strictDkim,
                   boolean strictSpf, int percent) {

    /** Whether a TXT value claims to be a DMARC record at all. */
    static boolean isDmarc(String txt) {
        String t = txt.strip();
        int semi = t.indexOf(';');
        String first = (semi < 0 ? t : t.substring(0, semi)).replace(" ", "").replace("\t", "");
        return first.equals("v=DMARC1");
    }

    /**
     * Parses a record; empty when it must be treated as absent (no valid {@code p=} and no
     * reporting address to fall back to {@code p=none}).
     */
    static Optional<DmarcRecord> parse(String txt) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : txt.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        boolean reports = tags.getOrDefault("rua", "").toLowerCase(Locale.ROOT).contains("mailto:");
        DmarcResult.Policy p = policy(tags.get("p"));
        if (p == null) {
            if (!reports) {
                return Optional.empty();
            }
            p = DmarcResult.Policy.NONE;
        }
        DmarcResult.Policy sp = tags.containsKey("sp") ? policy(tags.get("sp")) : p;
        if (sp == null) {
            sp = reports ? DmarcResult.Policy.NONE : p;
        }
        return Optional.of(new DmarcRecord(p, sp, "s".equalsIgnoreCase(tags.get("adkim")),
                "s".equalsIgnoreCase(tags.get("aspf")), percent(tags.get("pct"))));
    }

    private static DmarcResult.Policy policy(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> DmarcResult.Policy.NONE;
            case "quarantine" -> DmarcResult.Policy.QUARANTINE;
            case "reject" -> DmarcResult.Policy.REJECT;
            default -> null;
        };
    }

    private static int percent(String value) {
        if (value == null || !value.matches("\\d{1,3}")) {
            return 100;
        }
        return Math.min(100, Integer.parseInt(value));
    }
}
