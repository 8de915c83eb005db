package fr.preau.delivery.internal.auth;

import java.util.Locale;

/**
 * The SPF verdict (RFC 7208) on one identity of an SMTP session: the MAIL FROM domain, or the
 * HELO name when the sender is null. {@code domain} is the domain checked; {@code explanation}
 * is the domain's own text for a fail ({@code exp=}), or empty.
 */
public record SpfResult(Result result, Identity identity, String domain, String explanation) {

    public enum Result {
        NONE, NEUTRAL, PASS, FAIL, SOFTFAIL, TEMPERROR, PERMERROR;

        /** The lower-case keyword of Authentication-Results and Received-SPF. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which identity was checked. */
    public enum Identity {
        MAILFROM, HELO;

        /** The Authentication-Results property: {@code smtp.mailfrom} or {@code smtp.helo}. */
        public String property() {
            return "smtp." + name().toLowerCase(Locale.ROOT);
        }
    }

    public SpfResult {
        domain = domain == null ? "" : domain;
        explanation = explanation == null ? "" : explanation;
    }

    public boolean passed() {
        return result == Result.PASS;
    }
}
