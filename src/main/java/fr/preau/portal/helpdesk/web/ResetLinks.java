package fr.preau.portal.helpdesk.web;

import fr.preau.identity.PasswordResetLinks;
import fr.preau.platform.web.ClientInfo;
import org.springframework.stereotype.Component;

/**
 * Sends a password reset link to an account's verified backup address through the identity
 * module, and words the outcome for the console and the audit.
 */
@Component
class ResetLinks {

    /** What sending came to: sent or not, a short code for the audit, and the console's wording. */
    record Outcome(boolean sent, String code, String messageKey) {}

    private final PasswordResetLinks links;

    ResetLinks(PasswordResetLinks links) {
        this.links = links;
    }

    Outcome send(long accountId, String actor, ClientInfo client) {
        return switch (links.send(accountId, actor, client)) {
            case SENT -> new Outcome(true, "sent", "hd.reset.sent");
            case NO_VERIFIED_BACKUP -> new Outcome(false, "no-verified-backup", "hd.reset.no-verified-backup");
            case NOT_ACTIVE -> new Outcome(false, "not-active", "hd.reset.not-active");
        };
    }
}
