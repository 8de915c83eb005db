package fr.preau.identity;

import java.util.Set;

/**
 * A search among the active accounts of one académie.
 *
 * @param text             name words in any order, each the start of a word of the first or last
 *                         name, accents and case ignored; null or blank for any name
 * @param establishmentIds only accounts of these établissements, or null for any
 * @param role             only accounts with this role, or null for any
 */
public record StaffQuery(String text, Set<Long> establishmentIds, Role role) {

    public static StaffQuery any() {
        return new StaffQuery(null, null, null);
    }
}
