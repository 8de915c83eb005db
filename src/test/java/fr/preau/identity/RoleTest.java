package fr.preau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            enseignant                | ENSEIGNANT
            Enseignant                | ENSEIGNANT
            ' ENSEIGNANT '            | ENSEIGNANT
            Personnel administratif   | PERSONNEL_ADMINISTRATIF
            PERSONNEL_ADMINISTRATIF   | PERSONNEL_ADMINISTRATIF
            personnel-administratif   | PERSONNEL_ADMINISTRATIF
            Chargé de cours           | CHARGE_DE_COURS
            CHARGÉ DE COURS           | CHARGE_DE_COURS
            charge_de_cours           | CHARGE_DE_COURS
            chargé   de	cours        | CHARGE_DE_COURS
            Enseignant-chercheur      | ENSEIGNANT_CHERCHEUR
            enseignant chercheur      | ENSEIGNANT_CHERCHEUR
            ENSEIGNANT_CHERCHEUR      | ENSEIGNANT_CHERCHEUR
            Support                   | SUPPORT
            Administrateur            | ADMINISTRATEUR
            administrateur            | ADMINISTRATEUR
            """)
    void readsRolesAsHrFilesAndAdministratorsWriteThem(String input, Role role) {
        assertThat(Role.parse(input)).contains(role);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"prof", "enseignants", "admin", "chargé", "chercheur enseignant", "support technique", "_"})
    void refusesAnythingElse(String input) {
        assertThat(Role.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void readsBackItsOwnLabelAndName(Role role) {
        assertThat(Role.parse(role.label())).contains(role);
        assertThat(Role.parse(role.name())).contains(role);
    }
}
