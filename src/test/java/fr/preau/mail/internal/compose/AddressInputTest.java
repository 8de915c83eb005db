package fr.preau.mail.internal.compose;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressInputTest {

    @Test
    void readsSeveralAddressesPerEntryWithQuotedNames() {
        AddressInput.Parsed p = AddressInput.parse(List.of(
                "\"Dupont, Jean\" <jean.dupont@ac-dijon.fr>; camille.martin@ac-dijon.fr",
                "Léa Moreau <lea.moreau@ac-dijon.fr>,"));
        assertThat(p.invalid()).isEmpty();
        assertThat(p.valid()).extracting(InternetAddress::getAddress)
                .containsExactly("jean.dupont@ac-dijon.fr", "camille.martin@ac-dijon.fr", "lea.moreau@ac-dijon.fr");
        assertThat(p.valid().get(0).getPersonal()).isEqualTo("Dupont, Jean");
        assertThat(p.valid().get(2).getPersonal()).isEqualTo("Léa Moreau");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jean", "jean@", "@ac-dijon.fr", "jean@localhost", "jean@@ac-dijon.fr", "a@b@c.fr",
            "jean dupont@ac-dijon.fr", "<jean@ac-dijon.fr", "jean@ac-dijon.fr.", "jean@.fr", "liste: a@b.fr;"})
    void refusesWhatIsNotOneMailbox(String typed) {
        assertThat(AddressInput.parse(List.of(typed)).valid()).as(typed).isEmpty();
        assertThat(AddressInput.parse(List.of(typed)).invalid()).as(typed).isNotEmpty();
    }

    @Test
    void namesEachMalformedPieceAsTyped() {
        AddressInput.Parsed p = AddressInput.parse(List.of("ok@ac-dijon.fr, faux , aussi@faux", " "));
        assertThat(p.valid()).hasSize(1);
        assertThat(p.invalid()).containsExactly("faux", "aussi@faux");
    }
}
