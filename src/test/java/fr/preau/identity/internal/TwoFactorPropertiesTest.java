package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Role;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code preau.two-factor.*} as an administrator writes it: roles by default and per académie. */
class TwoFactorPropertiesTest {

    private static TwoFactorProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("preau.two-factor", TwoFactorProperties.class);
    }

    @Test
    void supportAndAdministratorsByDefault() {
        TwoFactorProperties p = bind(Map.of());
        assertThat(p.requiredRoles()).containsExactlyInAnyOrder(Role.SUPPORT, Role.ADMINISTRATEUR);
        assertThat(p.requiredRolesOf("dijon")).containsExactlyInAnyOrder(Role.SUPPORT, Role.ADMINISTRATEUR);
        assertThat(p.trustedBrowserLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(p).isEqualTo(TwoFactorProperties.defaults());
    }

    @Test
    void anAcademieMayHaveItsOwnListOrNone() {
        TwoFactorProperties p = bind(Map.of(
                "preau.two-factor.required-roles", "ADMINISTRATEUR",
                "preau.two-factor.academies.lyon.required-roles", "SUPPORT, ADMINISTRATEUR, ENSEIGNANT",
                "preau.two-factor.academies.[aix-marseille].required-roles", ""));
        assertThat(p.requiredRolesOf("dijon")).containsExactly(Role.ADMINISTRATEUR);
        assertThat(p.requiredRolesOf("lyon")).containsExactlyInAnyOrder(Role.SUPPORT, Role.ADMINISTRATEUR, Role.ENSEIGNANT);
        assertThat(p.requiredRolesOf("aix-marseille")).isEmpty();
    }
}
