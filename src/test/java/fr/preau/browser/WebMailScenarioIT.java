package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.DirectorySearchPage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.WebMail;
import fr.preau.identity.Account;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The day-to-day scenario of issue 4, in both interfaces and on both screens: Alice finds Bruno
 * in the directory and writes to him; he reads it and replies with an attachment; she files the
 * reply in a new folder, finds it again by a word of the attachment's name, deletes it and
 * empties the Corbeille. The simplified interface runs with JavaScript off.
 */
class WebMailScenarioIT extends BrowserTest {

    @ParameterizedTest(name = "{0} interface, {1}")
    @CsvSource({"full, DESKTOP", "full, PHONE", "simplified, DESKTOP", "simplified, PHONE"})
    void findWriteReadReplyFileSearchDeleteEmpty(String ui, Viewport viewport) throws Exception {
        boolean full = ui.equals("full");
        Agent alice = agents.active();
        Agent bruno = agents.active();
        Account brunoAccount = accounts.byId(bruno.id()).orElseThrow();
        String word = randomWord();
        String subject = "Sortie au musée " + randomWord().substring(6).toUpperCase(java.util.Locale.ROOT);
        Path attachment = Files.createTempDirectory("preau-scenario").resolve("programme-" + word + ".pdf");
        Files.write(attachment, "%PDF-1.4\n% programme de la visite\n".getBytes());

        try (Scenario s = scenario("webmail-" + ui, viewport)) {
            Page a = s.newPage(options -> options.setJavaScriptEnabled(full));
            login(a, alice, full);
            WebMail mailA = WebMail.of(a, full);

            DirectorySearchPage directory = DirectorySearchPage.open(a, mailA.base()).search(bruno.lastName());
            s.step(a, "directory");
            a.locator("a[href$='/annuaire/" + bruno.id() + "']").first().click();
            s.step(a, "card");
            mailA.writeFromCard(subject, "Bonjour Bruno, peux-tu m'envoyer le programme de la visite ?");
            assertThat(a.locator("#to").inputValue()).isEqualTo(brunoAccount.email());
            s.step(a, "compose");
            assertThat(mailA.send()).isEqualTo(fr("webmail.compose.sent", 1));
            s.step(a, "sent");

            Page b = s.newPage(options -> options.setJavaScriptEnabled(full));
            login(b, bruno, full);
            WebMail mailB = WebMail.of(b, full);
            mailB.openInbox();
            assertThat(mailB.listedSubjects()).contains(subject);
            s.step(b, "inbox");
            mailB.open(subject);
            assertThat(mailB.readingText()).contains("peux-tu m'envoyer le programme");
            s.step(b, "read");
            mailB.replyWithAttachment("Voici le programme.", attachment);
            s.step(b, "reply");
            assertThat(mailB.send()).isEqualTo(fr("webmail.compose.sent", 1));

            mailA.openInbox();
            String reply = "Re: " + subject;
            assertThat(mailA.listedSubjects()).contains(reply);
            mailA.open(reply);
            assertThat(mailA.attachmentNames()).containsExactly(attachment.getFileName().toString());
            s.step(a, "reply-received");

            String folder = "Sorties " + word;
            mailA.createFolder(folder);
            s.step(a, "folder-created");
            mailA.openInbox();
            mailA.moveToFolder(reply, folder);
            assertThat(mailA.listedSubjects()).doesNotContain(reply);
            s.step(a, "filed");

            mailA.search(word);
            assertThat(mailA.listedSubjects()).as("found by a word of the attachment's name only").containsExactly(reply);
            s.step(a, "found");
            mailA.open(reply);
            mailA.deleteOpen();
            s.step(a, "deleted");

            mailA.openFolder(fr("mail.folder.trash"));
            assertThat(mailA.listedSubjects()).contains(reply);
            mailA.emptyTrash();
            assertThat(mailA.listedSubjects()).isEmpty();
            s.step(a, "trash-emptied");

            a.navigate(mailA.base() + "/mail/settings");
            a.locator("#signature").fill("Alice, professeure de lettres");
            a.locator("form[action$='/mail/settings'] button[type=submit]").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(a.locator(".alert--success"))
                    .hasText(fr("webmail.settings.saved"));
            s.step(a, "settings");
            a.navigate(mailA.base() + "/mail/compose");
            assertThat(a.locator("#text").inputValue()).contains("-- \nAlice, professeure de lettres");
        }
    }

    private static void login(Page page, Agent agent, boolean full) {
        LoginPage login = LoginPage.open(page);
        if (full) {
            login.logInFull(agent.login(), Agents.PASSWORD);
        } else {
            login.logInSimplified(agent.login(), Agents.PASSWORD);
        }
    }

    /** A word no other message of the suite has, to search for. */
    private static String randomWord() {
        StringBuilder b = new StringBuilder("visite");
        for (int i = 0; i < 6; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }
}
