package fr.preau.identity.internal;

import fr.preau.identity.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code preau.two-factor.*}: the roles that must use two-factor authentication (for every
 * académie, unless an académie has its own list under {@code academies.<code>}), how long a
 * browser stays trusted, how long the half-done login waits for its second step, the issuer
 * name authenticator apps show, and the most app passwords an account may have.
 */
@ConfigurationProperties("preau.two-factor")
public record TwoFactorProperties(
        @DefaultValue({"SUPPORT", "ADMINISTRATEUR"}) Set<Role> requiredRoles,
        Map<String, AcademyRule> academies,
        @DefaultValue("30d") Duration trustedBrowserLifetime,
        @DefaultValue("10m") Duration pendingLoginValidity,
        @DefaultValue("Préau") String issuer,
        @DefaultValue("20") int maxAppPasswords) {

    /** An académie's own list of roles that must use two-factor authentication (possibly none). */
    public record AcademyRule(Set<Role> requiredRoles) {}

    public TwoFactorProperties {
        requiredRoles = requiredRoles == null ? Set.of() : Set.copyOf(requiredRoles);
        academies = academies == null ? Map.of() : Map.copyOf(academies);
    }

    /** The defaults, as application.yml has them. */
    public static TwoFactorProperties defaults() {
        return new TwoFactorProperties(Set.of(Role.SUPPORT, Role.ADMINISTRATEUR), Map.of(), Duration.ofDays(30),
                Duration.ofMinutes(10), "Préau", 20);
    }

    /** The roles an académie requires it of: its own list if it has one, else the installation's. */
    public Set<Role> requiredRolesOf(String academyCode) {
        AcademyRule rule = academies.get(academyCode);
        return rule == null || rule.requiredRoles() == null ? requiredRoles : rule.requiredRoles();
    }
}
