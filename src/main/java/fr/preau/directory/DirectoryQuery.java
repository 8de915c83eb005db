package fr.preau.directory;

import fr.preau.identity.Role;

/**
 * A search of the staff directory; every part is optional.
 *
 * @param text            name words in any order (each the start of a word of the first or last name;
 *                        accents and case ignored)
 * @param establishmentId only the agents of this établissement
 * @param departmentId    only the agents of the établissements of this département
 * @param role            only the agents with this role
 */
public record DirectoryQuery(String text, Long establishmentId, Long departmentId, Role role) {

    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null);
    }

    public static DirectoryQuery text(String text) {
        return new DirectoryQuery(text, null, null, null);
    }

    public boolean isEmpty() {
        return (text == null || text.isBlank()) && establishmentId == null && departmentId == null && role == null;
    }
}
