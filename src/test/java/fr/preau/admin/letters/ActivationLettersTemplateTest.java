package fr.preau.admin.letters;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The precompiled letter template: one page per agent, every text translated, values escaped. */
class ActivationLettersTemplateTest {

    @Test
    void rendersOneLetterPerAgentWithEverythingNeededToSignIn() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/admin", "i18n/tenancy");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Letter first = new Letter("Jean Dupont", "Lycée Carnot, Dijon (UAI 0210015C)", "jdupont",
                "jean.dupont@ac-dijon.fr", "ABCD-EFGH-JKMN", "23 décembre 2026 à 14h40",
                "https://messagerie.ac-dijon.fr/first-connection", "Académie de Dijon", 12, "Côte-d'Or",
                "03 53 73 00 21", "du lundi au vendredi 08:00 – 12:00", "assistance21@ac-dijon.fr");
        Letter second = new Letter("Zoé <b>Martin</b>", "Collège & lycée, Dijon (UAI 0211234X)", "zmartin",
                "zoe.martin@ac-dijon.fr", "PQRS-TUVW-XYZ2", "23 décembre 2026 à 14h40",
                "https://messagerie.ac-dijon.fr/first-connection", "Académie de Dijon", 14, "Côte-d'Or",
                "03 53 73 00 21", "du lundi au vendredi 08:00 – 12:00", null);
        LetterBook book = new LetterBook("Lettres d'activation (2)", "23 novembre 2026", "body{}",
                List.of(first, second), messages, Locale.FRENCH);

        StringOutput output = new StringOutput();
        TemplateEngine.createPrecompiled(ContentType.Html).render(ActivationLetters.TEMPLATE, book, output);
        String html = output.toString();

        assertThat(Pattern.compile("<article class=\"letter\">").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("<html lang=\"fr\">", "<style>", "body{}",
                "ABCD-EFGH-JKMN", "PQRS-TUVW-XYZ2", "jdupont", "jean.dupont@ac-dijon.fr",
                "https://messagerie.ac-dijon.fr/first-connection", "Valable jusqu’au 23 décembre 2026 à 14h40",
                "Assistance informatique de la DSDEN – Côte-d'Or", "Téléphone : 03 53 73 00 21",
                "Horaires : du lundi au vendredi 08:00 – 12:00", "Courriel : assistance21@ac-dijon.fr",
                "au moins 12 caractères", "au moins 14 caractères", "Confidentiel");
        // values are escaped, every text came from the bundle
        assertThat(html).contains("Zoé &lt;b&gt;Martin&lt;/b&gt;").doesNotContain("<b>Martin</b>")
                .contains("Collège &amp; lycée").doesNotContain("cli.letter.");
        assertThat(html.indexOf("Courriel :")).isEqualTo(html.lastIndexOf("Courriel :"));
    }
}
