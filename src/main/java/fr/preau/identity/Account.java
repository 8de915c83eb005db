package fr.preau.identity;

import java.time.Instant;

/**
 * An account as other modules and adapters see it: never its password hash, and its NUMEN
 * only in masked form.
 */
public record Account(
        long id,
        long academyId,
        long establishmentId,
        String login,
        String email,
        String lastName,
        String firstName,
        Role role,
        String numenMasked,
        AccountStatus status,
        String backupEmail,
        String mobile,
        InterfaceChoice interfacePref,
        Instant createdAt,
        Instant activatedAt,
        Instant suspendedAt,
        Instant passwordChangedAt,
        boolean passwordMustChange) {

    public String displayName() {
        return firstName + " " + lastName;
    }
}
