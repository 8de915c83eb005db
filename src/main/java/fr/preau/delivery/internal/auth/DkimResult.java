package fr.preau.delivery.internal.auth;

import java.util.Locale;

/**
 * The verdict on one DKIM-Signature of an inbound message (RFC 6376, results as in RFC 8601):
 * the signing domain ({@code d=}), the selector ({@code s=}) and, unless it passed, why not.
 * Domain and selector are empty when the signature was too broken to read them.
 */
public record DkimResult(Result result, String domain, String selector, String reason) {

    public enum Result {
        PASS, FAIL, NEUTRAL, TEMPERROR, PERMERROR;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DkimResult {
        domain = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        selector = selector == null ? "" : selector;
        reason = reason == null ? "" : reason;
    }

    public boolean passed() {
        return result == Result.PASS;
    }
}
