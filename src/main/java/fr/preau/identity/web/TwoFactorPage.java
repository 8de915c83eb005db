package fr.preau.identity.web;

import fr.preau.identity.TwoFactor;
import fr.preau.platform.web.FieldErrors;
import java.time.Instant;
import java.util.List;

/**
 * {@code /account/two-factor}: the state (off, being set up, on), the recovery codes just
 * made (shown once), the trusted browsers, and the forms to regenerate codes or turn it off.
 */
public record TwoFactorPage(TwoFactor.Status status, TwoFactorSetup setup, List<String> freshRecoveryCodes,
                            List<Browser> browsers, String notice, FieldErrors errors) {

    /** A trusted browser as listed. */
    public record Browser(long id, String device, String userAgent, String ip, Instant createdAt, Instant expiresAt,
                          Instant lastUsedAt) {}
}
