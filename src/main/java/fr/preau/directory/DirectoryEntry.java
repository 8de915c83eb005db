package fr.preau.directory;

import fr.preau.identity.Role;

/**
 * An agent as the staff directory shows them: names, role, professional address, établissement
 * and département. Nothing else of the account (no NUMEN, backup e-mail or mobile).
 */
public record DirectoryEntry(long accountId, String firstName, String lastName, String displayName, Role role,
                             String email, Establishment establishment, Department department) {

    /** The agent's établissement: UAI code, name and town. */
    public record Establishment(long id, String uai, String name, String town) {}

    /** The département of the agent's établissement: code (21, 2A...) and name. */
    public record Department(long id, String code, String name) {}
}
