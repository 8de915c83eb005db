package fr.preau.delivery.internal.auth;

import java.util.Locale;

/**
 * The DMARC verdict (RFC 7489) for the header From domain: {@code policy} is what the domain
 * asks for failing mail ({@code p=}, or {@code sp=} for a subdomain), {@code disposition}
 * what to apply to this message (the policy after {@code pct=} sampling when it failed,
 * {@code none} otherwise), and whether SPF and DKIM gave an aligned pass.
 */
public record DmarcResult(Result result, String fromDomain, Policy policy, Policy disposition,
                          boolean spfAligned, boolean dkimAligned, String reason) {

    public enum Result {
        PASS, FAIL, NONE, TEMPERROR, PERMERROR;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Policy {
        NONE, QUARANTINE, REJECT;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The next milder policy, for mail left out by {@code pct=}. */
        Policy milder() {
            return this == REJECT ? QUARANTINE : NONE;
        }
    }

    public DmarcResult {
        fromDomain = fromDomain == null ? "" : fromDomain;
        reason = reason == null ? "" : reason;
    }

    static DmarcResult without(Result result, String fromDomain, String reason) {
        return new DmarcResult(result, fromDomain, Policy.NONE, Policy.NONE, false, false, reason);
    }

    public boolean failed() {
        return result == Result.FAIL;
    }
}
