package fr.preau.identity.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Derives the identifiant académique (first initial + surname, lower-case ASCII letters, e.g.
 * {@code jdupont}) and the address local part ({@code prenom.nom}, e.g.
 * {@code jean-pierre.de-la-fontaine}) from an agent's names, and numbers homonyms
 * ({@code jdupont2}, {@code jean.dupont2}).
 */
public final class Identifiers {

    static final int MAX_LOGIN = 24;
    static final int MAX_LOCAL_PART = 56;

    private Identifiers() {}

    /** Lower-case ASCII: accents removed, ligatures spelled out. */
    public static String ascii(String text) {
        String expanded = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss");
        return Normalizer.normalize(expanded, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** The identifiant before numbering: first letter of the first name followed by the surname's letters. */
    public static String loginBase(String firstName, String lastName) {
        String first = ascii(firstName).replaceAll("[^a-z]", "");
        String last = ascii(lastName).replaceAll("[^a-z]", "");
        if (first.isEmpty() || last.isEmpty()) {
            throw new IllegalArgumentException("names without letters");
        }
        String base = first.charAt(0) + last;
        return base.length() > MAX_LOGIN - 2 ? base.substring(0, MAX_LOGIN - 2) : base;
    }

    /** The address local part before numbering: {@code prenom.nom}, words joined by hyphens. */
    public static String localPartBase(String firstName, String lastName) {
        String base = word(firstName) + "." + word(lastName);
        return base.length() > MAX_LOCAL_PART - 2 ? base.substring(0, MAX_LOCAL_PART - 2) : base;
    }

    private static String word(String name) {
        return ascii(name).replaceAll("['’`]", "").replaceAll("[^a-z]+", "-").replaceAll("^-+|-+$", "");
    }

    /** {@code base} if free, else {@code base2}, {@code base3}, ... */
    public static String firstFree(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The first free address {@code local@domain}, {@code local2@domain}, ... */
    public static String firstFreeAddress(String localBase, String domain, Set<String> taken) {
        String address = localBase + "@" + domain;
        if (!taken.contains(address)) {
            return address;
        }
        for (int n = 2; ; n++) {
            String candidate = localBase + n + "@" + domain;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
