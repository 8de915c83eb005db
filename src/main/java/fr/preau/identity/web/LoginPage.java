package fr.preau.identity.web;

import fr.preau.identity.InterfaceChoice;
import fr.preau.platform.web.FieldErrors;
import fr.preau.tenancy.Department;
import java.time.Instant;

/**
 * The login page's model: what was typed (never the password), the interface chosen, a
 * notice (after logout, activation...), and the failure to explain, if any.
 */
public record LoginPage(String identifier, InterfaceChoice interfaceChoice, String notice, FieldErrors errors,
                        Failure failure) {

    /** Why the last attempt failed, with what the agent needs to know. */
    public record Failure(Kind kind, Instant lockedUntil, long lockMinutes, Department department) {
        public enum Kind { LOCKED, NOT_ACTIVATED, SUSPENDED, MAINTENANCE, RATE_LIMITED }
    }

    public boolean simplified() {
        return interfaceChoice == InterfaceChoice.SIMPLIFIED;
    }
}
