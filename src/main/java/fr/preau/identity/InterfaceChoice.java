package fr.preau.identity;

/** The web interface an agent chose at login: full (mail, agenda, collaboration) or simplified (light, no JavaScript). */
public enum InterfaceChoice {
    FULL, SIMPLIFIED;

    public static InterfaceChoice parse(String value) {
        return "SIMPLIFIED".equalsIgnoreCase(value) || "simple".equalsIgnoreCase(value) ? SIMPLIFIED : FULL;
    }
}
