package fr.preau.portal.helpdesk.web;

import fr.preau.platform.web.ClientInfo;
import org.springframework.stereotype.Component;

/** Sends a password reset link to an account's verified backup address, through the identity module. */
@Component
class ResetLinks {

    /** What sending came to: sent or not, a short code for the audit, and the console's wording. */
    record Outcome(boolean sent, String code, String messageKey) {}

    boolean available() {
        return false;
    }

    Outcome send(long accountId, String actor, ClientInfo client) {
        return new Outcome(false, "unavailable", "hd.reset.unavailable");
    }
}
