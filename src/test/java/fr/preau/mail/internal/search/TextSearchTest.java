package fr.preau.mail.internal.search;

import static fr.preau.mail.internal.search.TestMessage.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Free text and per-field text criteria: analysis, addresses, file names, prefixes, phrases. */
class TextSearchTest extends IndexFixture {

    @BeforeEach
    void messages() {
        add(message(1).subject("Réunion du conseil pédagogique")
                        .body("Bonjour, la réunion aura lieu à l'école Jules Ferry. Merci de confirmer votre présence.")
                        .from("Jean Dupont", "jean.dupont@ac-dijon.fr").to("Marie Lefèvre", "marie.lefevre@ac-lyon.fr"),
                message(2).subject("Meetings next week")
                        .body("The meetings are scheduled on Monday. Please bring John's reports.")
                        .from("Alice Martin", "alice.martin@example.org").cc("Œdipe Straße", "oedipe@ac-aix-marseille.fr")
                        .bcc("", "secret.reader@ac-nice.fr"),
                message(3).subject("CHŒUR ET ŒUVRES")
                        .body("Les œuvres du chœur seront présentées. Ça commence à 18 h.")
                        .attachment("Compte-rendu_conseil.pdf").attachment("PlanningTrimestre2024.xlsx"),
                message(4).subject("Réunions trimestrielles")
                        .body("Les réunions des équipes se tiendront au rectorat.")
                        .from("Paul Durand", "p.durand@ac-dijon.fr"),
                message(5).subject("Rapport annuel").body("Rapport sur les élèves.")
                        .attachment("rapport.odt").attachmentText("Le budget prévisionnel de l'établissement."),
                message(6).subject("Rendez-vous").body("Rendez-vous à l’entrée du collège, avec l\u2019accord de l'équipe."),
                message(7).subject("Decomposed").body("Un e\u0301le\u0300ve du colle\u0300ge"));
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            reunion            | 1 4
            RÉUNION            | 1 4
            Réunion            | 1 4
            réunions           | 1 4
            REUNIONS           | 1 4
            pedagogique        | 1
            PÉDAGOGIQUE        | 1
            oeuvres            | 3
            ŒUVRE              | 3
            œuvre              | 3
            choeur             | 3
            CHŒURS             | 3
            ca                 | 3
            ÇA                 | 3
            strasse            | 2
            Straße             | 2
            meeting            | 2
            meetings           | 2
            MEETING            | 2
            report             | 2
            john               | 2
            trimestrielle      | 4
            équipe             | 4 6
            eleve              | 5 7
            élèves             | 5 7
            college            | 6 7
            """)
    void foldsCaseAndAccentsAndStemsPlurals(String typed, String expected) {
        assertThat(text(typed)).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            école       | 1
            ecole       | 1
            l'école     | 1
            L'ECOLE     | 1
            l’école     | 1
            entrée      | 6
            l'entree    | 6
            accord      | 6
            d'accord    | 6
            """)
    void removesFrenchElision(String typed, String expected) {
        assertThat(text(typed)).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @ParameterizedTest(name = "from:{0} finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            dupont                      | 1
            Dupont                      | 1
            jean                        | 1
            jean.dupont                 | 1
            jean.dupont@ac-dijon.fr     | 1
            JEAN.DUPONT@AC-DIJON.FR     | 1
            <jean.dupont@ac-dijon.fr>,  | 1
            ac-dijon.fr                 | 1 4
            dijon                       | 1 4
            "Jean Dupont"               | 1
            Jean Dupont                 | 1
            durand                      | 4
            p.durand@ac-dijon.fr        | 4
            -dupont ac-dijon.fr         | 4
            """)
    void findsSendersByEveryPartOfTheirAddress(String typed, String expected) {
        assertThat(find(Criteria.builder().from(typed).build())).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @Test
    void recipientsAreToCcAndBccAndNotSenders() {
        assertThat(find(Criteria.builder().to("lefevre").build())).containsExactly(1L);
        assertThat(find(Criteria.builder().to("Lefèvre").build())).containsExactly(1L);
        assertThat(find(Criteria.builder().to("marie.lefevre@ac-lyon.fr").build())).containsExactly(1L);
        assertThat(find(Criteria.builder().to("oedipe").build())).containsExactly(2L);
        assertThat(find(Criteria.builder().to("ac-aix-marseille.fr").build())).containsExactly(2L);
        assertThat(find(Criteria.builder().to("aix").build())).containsExactly(2L);
        assertThat(find(Criteria.builder().to("secret.reader").build())).containsExactly(2L);
        assertThat(find(Criteria.builder().to("dupont").build())).isEmpty();
        assertThat(find(Criteria.builder().from("lefevre").build())).isEmpty();
        assertThat(find(Criteria.builder().from("\"Dupont Jean\"").build())).isEmpty();
    }

    @Test
    void freeTextLooksInEveryTextField() {
        assertThat(text("dupont")).containsExactly(1L);
        assertThat(text("lefevre")).containsExactly(1L);
        assertThat(text("ac-dijon.fr")).containsExactlyInAnyOrder(1L, 4L);
        assertThat(text("budget")).containsExactly(5L);
        assertThat(text("odt")).containsExactly(5L);
        assertThat(text("conseil")).containsExactlyInAnyOrder(1L, 3L);
        assertThat(find(Criteria.builder().subject("conseil").build())).containsExactly(1L);
        assertThat(find(Criteria.builder().body("budget").build())).isEmpty();
        assertThat(find(Criteria.builder().body("rectorat").build())).containsExactly(4L);
        assertThat(find(Criteria.builder().subject("rectorat").build())).isEmpty();
    }

    @ParameterizedTest(name = "attachment \"{0}\" finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            compte                    | 3
            rendu                     | 3
            conseil                   | 3
            pdf                       | 3
            PDF                       | 3
            Compte-rendu_conseil.pdf  | 3
            compte-rendu              | 3
            comptes                   | 3
            planning                  | 3
            trimestre                 | 3
            2024                      | 3
            PlanningTrimestre         | 3
            xlsx                      | 3
            rapport                   | 5
            """)
    void splitsAttachmentNames(String typed, String expected) {
        assertThat(find(Criteria.builder().attachmentName(typed).build())).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @Test
    void allWordsAreRequired() {
        assertThat(text("réunion conseil")).containsExactly(1L);
        assertThat(text("réunion rectorat")).containsExactly(4L);
        assertThat(text("réunion meeting")).isEmpty();
    }

    @Test
    void quotedPhrasesKeepTheirOrder() {
        assertThat(text("\"réunion du conseil\"")).containsExactly(1L);
        assertThat(text("\"REUNION DU CONSEIL\"")).containsExactly(1L);
        assertThat(text("«réunion du conseil»")).containsExactly(1L);
        assertThat(text("\"conseil du réunion\"")).isEmpty();
        assertThat(text("\"réunion conseil\"")).isEmpty();
        assertThat(text("\"du conseil")).containsExactly(1L);
    }

    @Test
    void aLeadingMinusExcludes() {
        assertThat(text("réunion -trimestrielles")).containsExactly(1L);
        assertThat(text("réunion -\"conseil pédagogique\"")).containsExactly(4L);
        assertThat(text("-réunion")).containsExactlyInAnyOrder(2L, 3L, 5L, 6L, 7L);
        assertThat(text("réunion - conseil")).containsExactly(1L);
    }

    @Test
    void theLastWordIsAPrefixInTheQuickSearch() {
        assertThat(quick("réun")).containsExactlyInAnyOrder(1L, 4L);
        assertThat(quick("REUN")).containsExactlyInAnyOrder(1L, 4L);
        assertThat(quick("conseil péda")).containsExactly(1L);
        assertThat(quick("dup")).containsExactly(1L);
        assertThat(quick("jean.dup")).containsExactly(1L);
        assertThat(quick("Plann")).containsExactly(3L);
        assertThat(quick("ré")).contains(1L, 4L);
        assertThat(quick("r")).isEmpty();
        assertThat(quick("réun ")).isEmpty();
        assertThat(quick("réun conseil")).isEmpty();
        assertThat(text("réun")).isEmpty();
    }

    @Test
    void exactWordsRankFirst() {
        List<Long> byRelevance = index.search(TestMessage.ACCOUNT, Criteria.text("réunion"), Sort.BEST_FIRST, 0, 10).messageIds();
        assertThat(byRelevance).containsExactly(1L, 4L);
        List<Long> plural = index.search(TestMessage.ACCOUNT, Criteria.text("réunions"), Sort.BEST_FIRST, 0, 10).messageIds();
        assertThat(plural).containsExactly(4L, 1L);
    }

    @Test
    void punctuationAloneIsIgnored() {
        assertThat(text("réunion *")).isEqualTo(text("réunion"));
        assertThat(text("réunion (conseil)")).containsExactly(1L);
        assertThat(text("réunion: conseil!")).containsExactly(1L);
        assertThat(text("***")).hasSize(7);
    }

    private List<Long> quick(String typed) {
        return find(Criteria.builder().text(typed).prefix(true).build());
    }

    static List<Long> ids(String list) {
        return java.util.Arrays.stream(list.trim().split("\\s+")).map(Long::valueOf).toList();
    }
}
