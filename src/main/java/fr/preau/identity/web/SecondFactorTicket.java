package fr.preau.identity.web;

import fr.preau.identity.InterfaceChoice;
import java.io.Serializable;
import java.time.Instant;

/**
 * Kept in the session between a right password and the second step (or the forced
 * enrollment): who is half-way in, the interface chosen, until when. Never a signed-in
 * principal: the session opens only once the step is done.
 */
record SecondFactorTicket(long accountId, InterfaceChoice interfaceChoice, Instant expiresAt, Stage stage)
        implements Serializable {

    static final String ATTRIBUTE = "preau.second-factor";

    enum Stage {
        /** A TOTP or recovery code must be typed. */
        CODE,
        /** The role requires two-factor authentication: it must be set up. */
        ENROLL,
        /** Set up just now; the recovery codes were shown, the agent may go on. */
        ENROLLED
    }

    SecondFactorTicket at(Stage next) {
        return new SecondFactorTicket(accountId, interfaceChoice, expiresAt, next);
    }
}
