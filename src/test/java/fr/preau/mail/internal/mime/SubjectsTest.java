package fr.preau.mail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Réunion de rentrée|réunion de rentrée",
        "Re: Réunion de rentrée|réunion de rentrée",
        "RE : Réunion de rentrée|réunion de rentrée",
        "re:Réunion de rentrée|réunion de rentrée",
        "Re: Re: RE: Fwd: Réunion|réunion",
        "TR: Réunion|réunion",
        "Tr. : Photos !|photos !",
        "Fw: Réunion|réunion",
        "FWD: Réunion|réunion",
        "AW: WG: Besprechung|besprechung",
        "SV: Möte|möte",
        "Réf. : Dossier 42|dossier 42",
        "Re[2]: Réunion|réunion",
        "Re(3): Réunion|réunion",
        "Re^2: Réunion|réunion",
        "[liste-dsden] Re: Réunion|réunion",
        "Re: [liste-dsden] Réunion|réunion",
        "[SPAM] [liste] TR: Réunion|réunion",
        "Réunion (fwd)|réunion",
        "  Réunion    de   rentrée  |réunion de rentrée",
        "Reunion: ordre du jour|reunion: ordre du jour",
        "Refonte du site|refonte du site",
        "Re:|''",
        "[liste-dsden]|[liste-dsden]",
        "回复：会议|会议",
    })
    void normalizes(String subject, String expected) {
        assertThat(MimeParser.normalizedSubject(subject)).isEqualTo(expected);
    }
}
