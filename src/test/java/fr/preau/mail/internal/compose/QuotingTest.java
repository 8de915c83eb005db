package fr.preau.mail.internal.compose;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.mail.MailAddress;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class QuotingTest {

    private final Quoting quoting = new Quoting(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource b = new ResourceBundleMessageSource();
        b.setBasenames("i18n/mail-compose");
        b.setDefaultEncoding("UTF-8");
        b.setFallbackToSystemLocale(false);
        return b;
    }

    @Test
    void addsReOnce() {
        assertThat(Quoting.replySubject("Conseil de classe")).isEqualTo("Re: Conseil de classe");
        assertThat(Quoting.replySubject("RE : Conseil")).isEqualTo("RE : Conseil");
        assertThat(Quoting.replySubject("Re[2]: Conseil")).isEqualTo("Re[2]: Conseil");
        assertThat(Quoting.replySubject("")).isEqualTo("Re: ");
    }

    @Test
    void forwardPrefixInTheAgentsLanguageOnce() {
        assertThat(quoting.forwardSubject("Sortie", Locale.FRENCH)).isEqualTo("Tr: Sortie");
        assertThat(quoting.forwardSubject("Sortie", Locale.ENGLISH)).isEqualTo("Fwd: Sortie");
        assertThat(quoting.forwardSubject("TR: Sortie", Locale.ENGLISH)).isEqualTo("TR: Sortie");
        assertThat(quoting.forwardSubject("Fwd: Sortie", Locale.FRENCH)).isEqualTo("Fwd: Sortie");
    }

    @Test
    void quotesTheOriginalUnderTheAttributionLine() {
        String body = quoting.replyBody(new MailAddress("Camille Martin", "camille.martin@ac-dijon.fr"),
                OffsetDateTime.parse("2026-11-26T16:05:00Z"), "Bonjour,\r\n> cité\n\nCamille", Locale.FRENCH);
        assertThat(body).startsWith("\n\nLe jeudi 26 novembre 2026").contains("17:05, Camille Martin a écrit :\n")
                .endsWith("> Bonjour,\n>> cité\n> \n> Camille\n");
        assertThat(quoting.replyBody(new MailAddress(null, "x@y.fr"), null, "t", Locale.ENGLISH))
                .contains("x@y.fr wrote:\n> t");
    }

    @Test
    void forwardBlockListsTheOriginalHeaders() {
        String body = quoting.forwardBody(List.of(new MailAddress("Camille Martin", "camille.martin@ac-dijon.fr")),
                null, List.of(new MailAddress(null, "thomas.bernard@ac-dijon.fr")), List.of(), "Sortie", "Texte",
                Locale.FRENCH);
        assertThat(body).contains("-------- Message transféré --------\nDe : Camille Martin <camille.martin@ac-dijon.fr>\n")
                .contains("Objet : Sortie\n").contains("À : thomas.bernard@ac-dijon.fr\n").doesNotContain("Cc :")
                .endsWith("\nTexte\n");
    }
}
