package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.LoginPage;
import fr.preau.delivery.SmtpEndpoints;
import fr.preau.identity.Account;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailPreferences;
import fr.preau.mail.MailSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The simplified interface stays light for a slow connection and an old phone: the list of 50
 * messages, a message, compose, search, the directory and the settings are each under 50 KB of
 * HTML (attachments and the body frame aside), have no script at all, and fit a 360 px screen.
 */
class SimplePagesWeightIT extends BrowserTest {

    static final int MAX_BYTES = 50 * 1024;

    private static final String[] SUBJECTS = {
        "Convocation au conseil de classe de la 3e B — deuxième trimestre, salle polyvalente du bâtiment C",
        "Réunion parents-professeurs : planning des rendez-vous et répartition des salles",
        "Inscriptions aux épreuves anticipées du baccalauréat (rappel du calendrier académique)",
        "Sortie pédagogique au musée des Beaux-Arts de Dijon : autorisation parentale à retourner",
        "Projet d’établissement 2026-2029 : compte rendu du groupe de travail interdisciplinaire"};
    private static final String[] SENDERS = {"Secrétariat de direction du lycée Carnot", "Marie-Christine Delaunay-Berthelot",
        "Vie scolaire", "Association sportive du collège Jean-Philippe-Rameau — section natation", "Jean Dupont"};

    @Autowired
    SmtpEndpoints smtp;

    @Autowired
    MailFolders folders;

    @Autowired
    MailMessages messages;

    @Autowired
    MailPreferences preferences;

    @Test
    void simplifiedPagesAreLightScriptFreeAndFitAPhone() throws Exception {
        Agent agent = agents.active();
        Account account = accounts.byLogin(agent.login()).orElseThrow();
        MailSettings d = preferences.get(account.id());
        preferences.save(account.id(), new MailSettings(d.signature(), d.density(), d.remoteImages(), d.conversations(), 50));
        for (int i = 0; i < 50; i++) {
            StringBuilder html = new StringBuilder("<p>Bonjour,</p>");
            for (int p = 0; p < 8; p++) {
                html.append("<p>Vous trouverez ci-dessous les informations utiles pour la réunion du conseil pédagogique, ")
                        .append("ainsi que l’ordre du jour détaillé et les documents préparatoires.</p>");
            }
            new OutsideMail(smtp).from(SENDERS[i % SENDERS.length], "expediteur" + i + "@college-exemple.example")
                    .subject(SUBJECTS[i % SUBJECTS.length] + " (" + (i + 1) + ")")
                    .text("Bonjour, voici l’ordre du jour.").html(html.toString())
                    .attach("ordre-du-jour-" + (i + 1) + ".pdf", "application/pdf", "%PDF-1.4".getBytes())
                    .sendTo(account.email());
        }
        long inbox = folders.byRole(account.id(), FolderRole.INBOX).id();
        long id = messages.list(account.id(), inbox, ListOrder.newestFirst(), 0, 1).messages().get(0).id();
        assertThat(messages.list(account.id(), inbox, ListOrder.newestFirst(), 0, 100).total()).isEqualTo(50);

        List<String> problems = new ArrayList<>();
        try (Scenario s = scenario("simple-weight", Viewport.PHONE)) {
            Page page = s.newPage();
            LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            String[][] pages = {
                {"list", "/simple/mail/folder/" + inbox},
                {"read", "/simple/mail/message/" + id},
                {"compose", "/simple/mail/compose"},
                {"reply", "/simple/mail/compose?reply=" + id},
                {"search", "/simple/mail/search?q=conseil"},
                {"directory", "/simple/annuaire?q=martin"},
                {"settings", "/simple/mail/settings"}};
            for (String[] p : pages) {
                Response r = page.navigate(p[1]);
                byte[] body = r.body();
                if (r.status() != 200) {
                    problems.add(p[0] + " answered " + r.status());
                }
                if (body.length >= MAX_BYTES) {
                    problems.add(p[0] + " (" + p[1] + ") weighs " + body.length + " bytes");
                }
                Object scripts = page.evaluate("() => document.querySelectorAll('script').length");
                if (!Integer.valueOf(0).equals(scripts)) {
                    problems.add(p[0] + " has " + scripts + " <script>");
                }
                if (p[0].equals("list") && page.locator(".message-list__item").count() != 50) {
                    problems.add("the list shows " + page.locator(".message-list__item").count() + " messages, not 50");
                }
                s.step(page, p[0], p[0].equals("list"));
            }
        }
        assertThat(problems).isEmpty();
    }
}
