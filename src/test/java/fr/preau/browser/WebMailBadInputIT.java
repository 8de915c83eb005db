package fr.preau.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.LoginPage;
import fr.preau.identity.Account;
import fr.preau.mail.Draft;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailComposer;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MessageSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Bad input in the web mail loses nothing and says what happened, translated: a malformed
 * address and an oversized attachment keep the form as typed; a session that expires while the
 * agent writes keeps the message as a draft; a message deleted in another tab is reported as
 * gone, not as an error page. The tests run at most {@code preau.mail.compose.max-message-size}
 * = 2 MB (BrowserTest).
 */
class WebMailBadInputIT extends BrowserTest {

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    MailFolders folders;

    @Autowired
    MailMessages messages;

    @Autowired
    MailComposer composer;

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void malformedAddressAndOversizedFileKeepTheForm(Viewport viewport) throws Exception {
        Agent agent = agents.active();
        Path big = Files.createTempDirectory("preau-big").resolve("rapport-annuel.pdf");
        byte[] bytes = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(bytes);
        Files.write(big, bytes);
        try (Scenario s = scenario("webmail-bad-input", viewport)) {
            Page page = s.newPage(options -> options.setJavaScriptEnabled(false));
            LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            page.navigate("/simple/mail/compose");
            page.locator("#to").fill("collegue@ac-dijon, jean.dupont@ac-dijon.fr");
            page.locator("#subject").fill("Conseil pédagogique");
            page.locator("#text").fill("Bonjour,\nvoici l'ordre du jour.");
            page.locator("#attachments").setInputFiles(big);
            page.locator("button[name=action][value=send]").click();
            assertThat(page.locator("#attachments-error")).containsText(fr("compose.error.attachment-too-big", 2));
            assertThat(page.locator("#to")).hasValue("collegue@ac-dijon, jean.dupont@ac-dijon.fr");
            assertThat(page.locator("#subject")).hasValue("Conseil pédagogique");
            assertThat(page.locator("#text")).hasValue("Bonjour,\nvoici l'ordre du jour.");
            s.step(page, "too-big");

            page.locator("button[name=action][value=send]").click();
            assertThat(page.locator("#to-error")).containsText(fr("compose.error.address-invalid", "collegue@ac-dijon"));
            assertThat(page.locator("#error-summary")).isVisible();
            assertThat(page.locator("#text")).hasValue("Bonjour,\nvoici l'ordre du jour.");
            s.step(page, "bad-address");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = "DESKTOP")
    void aSessionThatExpiresWhileWritingKeepsTheMessageAsADraft(Viewport viewport) throws Exception {
        Agent agent = agents.active();
        Account account = accounts.byId(agent.id()).orElseThrow();
        Path file = Files.createTempDirectory("preau-rescue").resolve("liste-eleves.csv");
        Files.writeString(file, "Nom;Classe\nMartin;3e B\n");
        try (Scenario s = scenario("webmail-expired-compose", viewport)) {
            Page page = s.newPage(options -> options.setJavaScriptEnabled(false));
            LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            page.navigate("/simple/mail/compose");
            page.locator("#to").fill("jean.dupont@ac-dijon.fr");
            page.locator("#subject").fill("Sortie du 12 décembre");
            page.locator("#text").fill("La liste des élèves est jointe.");
            page.locator("#attachments").setInputFiles(file);
            // the session ends while the agent writes (idle timeout, closed from "Mes sessions"...)
            sessions.findByPrincipalName(agent.login()).keySet().forEach(sessions::deleteById);
            page.locator("button[name=action][value=send]").click();
            assertThat(page.locator(".alert")).containsText(fr("login.notice.expired-draft-saved"));
            s.step(page, "login-notice");

            LoginPage.open(page).logInSimplified(agent.login(), Agents.PASSWORD);
            long drafts = folders.byRole(account.id(), FolderRole.DRAFTS).id();
            List<MessageSummary> kept = messages.list(account.id(), drafts, ListOrder.newestFirst(), 0, 10).messages();
            assertThat(kept).singleElement().extracting(MessageSummary::subject).isEqualTo("Sortie du 12 décembre");
            Draft draft = composer.load(account.id(), kept.get(0).id());
            assertThat(draft.to()).containsExactly("jean.dupont@ac-dijon.fr");
            assertThat(draft.text()).contains("La liste des élèves est jointe.");
            assertThat(draft.attachments()).singleElement().extracting(a -> a.filename()).isEqualTo("liste-eleves.csv");
            page.navigate("/simple/mail/compose?draft=" + kept.get(0).id());
            assertThat(page.locator("#subject")).hasValue("Sortie du 12 décembre");
            s.step(page, "draft-back");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = "DESKTOP")
    void aMessageDeletedInAnotherTabIsReportedAsGone(Viewport viewport) throws Exception {
        Agent agent = agents.active();
        Account account = accounts.byId(agent.id()).orElseThrow();
        Agent sender = agents.active();
        composer.send(sender.id(), new Draft(null, List.of(account.email()), List.of(), List.of(), "Réunion parents-professeurs",
                "Mardi 18 h.", null, Draft.NORMAL, false, null, List.of(), null, null, List.of()));
        long inbox = folders.byRole(account.id(), FolderRole.INBOX).id();
        MessageSummary message = messages.list(account.id(), inbox, ListOrder.newestFirst(), 0, 1).messages().get(0);
        try (Scenario s = scenario("webmail-gone", viewport)) {
            Page page = s.newPage();
            LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            page.navigate("/app/mail/message/" + message.id());
            assertThat(page.locator("#message-subject")).hasText("Réunion parents-professeurs");
            // another tab (or a phone) deletes it for good
            messages.deletePermanently(account.id(), List.of(message.id()));
            page.locator("#reading-pane button[value=archive]").click();
            assertThat(page.locator("#list-pane .alert--error")).containsText(fr("webmail.error.gone"));
            s.step(page, "action-on-gone");

            assertThat(page.navigate("/app/mail/message/" + message.id()).status()).isEqualTo(404);
            assertThat(page.locator("main .alert")).containsText(fr("mail.error.message-not-found"));
            s.step(page, "gone-page");

            Page simple = s.newPage(options -> options.setJavaScriptEnabled(false));
            LoginPage.open(simple).logInSimplified(agent.login(), Agents.PASSWORD);
            assertThat(simple.navigate("/simple/mail/message/" + message.id()).status()).isEqualTo(404);
            assertThat(simple.locator("main a.button")).hasAttribute("href", "/simple/mail");
        }
    }
}
