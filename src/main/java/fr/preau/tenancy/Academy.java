package fr.preau.tenancy;

/**
 * An académie: its code (e.g. {@code dijon}), name, mail domain (e.g. {@code ac-dijon.fr}),
 * the two-digit académie code that starts the NUMEN of agents recruited there (Dijon 07,
 * Lyon 10, Aix-Marseille 02), its help desk, and its account policy.
 *
 * @param numenActivationAllowed whether an agent who lost the activation letter may activate
 *                               the account with identifiant and NUMEN
 * @param passwordMaxAgeDays     days after which a password must be renewed, or null for never
 */
public record Academy(long id, String code, String name, String mailDomain, String numenCode,
                      HelpDesk helpDesk, boolean numenActivationAllowed,
                      int passwordMinLength, Integer passwordMaxAgeDays) {}
