package fr.preau.mail.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.mail.internal.search.IndexedMessage.Addr;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressAndSortKeysTest {

    @Test
    void anAddressIsFoundByItsWholeItsPartsAndItsDomains() {
        assertThat(AddressTokens.forms("Jean.Dupont@Mail.AC-Dijon.fr")).containsExactlyInAnyOrder(
                "jean.dupont@mail.ac-dijon.fr", "jean.dupont", "mail.ac-dijon.fr", "ac-dijon.fr", "fr",
                "jean", "dupont", "mail", "ac", "dijon");
        assertThat(AddressTokens.forms("prenom+liste@example.org")).contains("prenom+liste", "prenom", "liste", "example.org");
        assertThat(AddressTokens.forms("  ")).isEmpty();
        assertThat(AddressTokens.forms("undisclosed-recipients:;")).contains("undisclosed-recipients", "undisclosed");
    }

    @ParameterizedTest(name = "\"{0}\" sorts as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Re: Budget                   | budget
            RE : RE: Budget              | budget
            Fwd: TR : Réf. : budget      | budget
            [liste-profs] Re: Conseil    | conseil
            Re[2]: Conseil               | conseil
            Re:                          | re:
            Réunion   de   l'équipe      | reunion de l equipe
            '   '                        | ''
            """)
    void subjectsSortWithoutReplyPrefixesCaseOrAccents(String subject, String key) {
        assertThat(SortKeys.subject(subject)).isEqualTo(key);
    }

    @Test
    void sendersSortByNameElseAddress() {
        assertThat(SortKeys.from(List.of(new Addr("Émile Zola", "ez@x.fr")))).isEqualTo("emile zola");
        assertThat(SortKeys.from(List.of(new Addr("\"Dupont, Jean\"", "j@x.fr")))).isEqualTo("dupont, jean");
        assertThat(SortKeys.from(List.of(new Addr("", "Alain@X.fr")))).isEqualTo("alain@x.fr");
        assertThat(SortKeys.from(List.of())).isEmpty();
    }
}
