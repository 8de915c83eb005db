package fr.preau.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** What an agent does; decides the default quota and, later, what they may administer. */
public enum Role {
    ENSEIGNANT("enseignant"),
    PERSONNEL_ADMINISTRATIF("personnel administratif"),
    CHARGE_DE_COURS("charge de cours"),
    ENSEIGNANT_CHERCHEUR("enseignant-chercheur"),
    SUPPORT("support"),
    ADMINISTRATEUR("administrateur");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The French label, without accents, as HR files write it. */
    public String label() {
        return label;
    }

    /**
     * Reads a role as an HR file or an administrator types it: the French label with or without
     * accents, hyphens or underscores, in any case ("Chargé de cours", "CHARGE_DE_COURS", ...).
     */
    public static Optional<Role> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String key = Normalizer.normalize(input, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").trim();
        for (Role role : values()) {
            if (role.label.replace('-', ' ').equals(key) || role.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(key)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
