package fr.preau.identity;

import fr.preau.identity.internal.NewAccountChecks;
import fr.preau.identity.internal.RecoveryBackground;
import fr.preau.identity.internal.RecoveryProperties;
import fr.preau.identity.internal.RecoverySender;
import fr.preau.platform.Durability;
import fr.preau.platform.RateLimits;
import fr.preau.platform.web.ClientInfo;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * "Identifiant oublié": given a NUMEN and a backup address or mobile number, the identifiant is
 * sent there if that contact is a verified one of the account the NUMEN names. The answer is the
 * same in every case, and the sending happens in the background (docs/adr/0024).
 */
@Service
public class ForgottenIdentifier {

    private final NewAccountChecks checks;
    private final RecoverySender sender;
    private final RecoveryBackground background;
    private final RateLimits rateLimits;
    private final Durability durability;
    private final RateLimits.Limit perIp;

    ForgottenIdentifier(NewAccountChecks checks, RecoverySender sender, RecoveryBackground background,
                        RateLimits rateLimits, RecoveryProperties properties, Durability durability) {
        this.durability = durability;
        this.checks = checks;
        this.sender = sender;
        this.background = background;
        this.rateLimits = rateLimits;
        // the same bucket as the code requests: one budget per address for all of recovery
        this.perIp = new RateLimits.Limit("recovery-ip", properties.perIpPerHour(), Duration.ofHours(1));
    }

    /**
     * Sends the identifiant to {@code contact} (an e-mail address or a mobile number, already
     * checked by {@link Contacts}) if it matches; {@code numen} is valid ({@link Numen#isValid}).
     */
    public Recovery.Request remind(String numen, String contact, ClientInfo client) {
        RateLimits.Verdict verdict = rateLimits.tryConsume(perIp, client.ip());
        if (!verdict.allowed()) {
            return new Recovery.Request.Limited(verdict.retryAfter());
        }
        String email = Contacts.email(contact).orElse(null);
        String mobile = email == null ? Contacts.mobile(contact).orElse(null) : null;
        if (email == null && mobile == null) {
            throw new IllegalArgumentException("neither an address nor a mobile number");
        }
        String hash = checks.numenHash(numen);
        background.run(() -> {
            if (!sender.sendIdentifier(hash, email, mobile, client)) {
                durability.flushCommits();
            }
        });
        return new Recovery.Request.Accepted();
    }
}
