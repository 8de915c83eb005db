package fr.preau.mail.internal.mime;

import fr.preau.mail.MailAddress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressParserTest {

    /** Addresses written as "name <address>" joined with " ; ", "-" for no name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "jean.dupont@ac-dijon.fr|- <jean.dupont@ac-dijon.fr>",
        "Jean Dupont <jean.dupont@ac-dijon.fr>|Jean Dupont <jean.dupont@ac-dijon.fr>",
        "\"Dupont, Jean\" <jean.dupont@ac-dijon.fr>|Dupont, Jean <jean.dupont@ac-dijon.fr>",
        "=?UTF-8?Q?Ren=C3=A9e_Lef=C3=A8vre?= <renee@ac-lyon.fr>|Renée Lefèvre <renee@ac-lyon.fr>",
        "\"=?UTF-8?Q?Ren=C3=A9e_Lef=C3=A8vre?=\" <renee@ac-lyon.fr>|Renée Lefèvre <renee@ac-lyon.fr>",
        "=?iso-8859-1?Q?Dupont=2C_Ren=E9?= <rene@ac-lyon.fr>, b@x.fr|Dupont, René <rene@ac-lyon.fr> ; - <b@x.fr>",
        "Renée Lefèvre <renee@ac-lyon.fr>|Renée Lefèvre <renee@ac-lyon.fr>",
        "jdoe@example.org (John Doe)|John Doe <jdoe@example.org>",
        "a@x.fr, b@x.fr,, c@x.fr,|- <a@x.fr> ; - <b@x.fr> ; - <c@x.fr>",
        "Équipe: a@x.fr, Bob <b@x.fr>;, c@x.fr|- <a@x.fr> ; Bob <b@x.fr> ; - <c@x.fr>",
        "undisclosed-recipients:;|",
        "<@relay.example:user@example.org>|- <user@example.org>",
        "\"john doe\"@example.org|- <\"john doe\"@example.org>",
        "jdoe@test . example|- <jdoe@test.example>",
        "John Doe jdoe@example.org|John Doe <jdoe@example.org>",
        "Unclosed <unclosed@example.org|Unclosed <unclosed@example.org>",
        "Unclosed <unclosed@example.org, other@example.org|Unclosed <unclosed@example.org> ; - <other@example.org>",
        "localrecipient|- <localrecipient>",
        "Just A Name|Just A Name <>",
        "<>|- <>",
        "Jean <jean@AC-Dijon.FR>|Jean <jean@AC-Dijon.FR>",
        "Mary Smith: Personal Account <smith@home.example>|Personal Account <smith@home.example>",
        "\"Mary Smith: Personal Account\" <smith@home.example>|Mary Smith: Personal Account <smith@home.example>",
    })
    void parses(String header, String expected) {
        List<String> rendered = new ArrayList<>();
        for (MailAddress a : AddressParser.parse(header)) {
            rendered.add((a.name() == null ? "-" : a.name()) + " <" + a.address() + ">");
        }
        assertThat(String.join(" ; ", rendered)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void readsAHugeHeaderInOnePass() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            header.append("=?utf-8?Q?Personne_").append(i).append("?= <p").append(i).append("@ac-dijon.fr>,\r\n ");
        }
        List<MailAddress> list = AddressParser.parse(HeaderText.unfold(header.toString()));
        assertThat(list).hasSize(AddressParser.MAX_ADDRESSES);
        assertThat(list.get(1)).isEqualTo(new MailAddress("Personne 1", "p1@ac-dijon.fr"));
    }

    @Test
    void splitsAddressesAroundTheLastAt() {
        MailAddress a = new MailAddress(null, "\"a@b\"@example.org");
        assertThat(a.localPart()).isEqualTo("\"a@b\"");
        assertThat(a.domain()).isEqualTo("example.org");
        assertThat(new MailAddress(null, "local").domain()).isNull();
        assertThat(new MailAddress(null, "x@y").displayName()).isEqualTo("x@y");
    }
}
