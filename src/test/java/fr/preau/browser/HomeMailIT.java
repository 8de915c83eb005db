package fr.preau.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fr.preau.browser.Agents.Agent;
import fr.preau.browser.pages.FullHomePage;
import fr.preau.browser.pages.LoginPage;
import fr.preau.browser.pages.SimpleHomePage;
import fr.preau.delivery.SmtpEndpoints;
import fr.preau.identity.Account;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail sent to an agent from outside, through the real MX, appears on the home page of both
 * interfaces: the newest messages of INBOX, unread ones marked, the unread count in the
 * folder tree, how full the mailbox is.
 */
class HomeMailIT extends BrowserTest {

    @Autowired
    SmtpEndpoints smtp;

    void sendFromOutside(String to, String subject, String text) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(smtp.endpoint("mx").orElseThrow().port()));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("secretariat@college-exemple.example", "Secrétariat du collège", "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void mailFromOutsideShowsOnTheHomePage(Viewport viewport) throws Exception {
        Agent agent = agents.active();
        Account account = accounts.byLogin(agent.login()).orElseThrow();
        sendFromOutside(account.email(), "Réunion de l’équipe pédagogique", "Jeudi à 17 h, salle 204.");
        sendFromOutside(account.email(), "Convocation au jury du brevet", "Vous êtes convoqué le 24 juin.");
        try (Scenario s = scenario("home-mail", viewport)) {
            Page page = s.newPage();
            FullHomePage full = LoginPage.open(page).logInFull(agent.login(), Agents.PASSWORD);
            assertThat(full.recentMessages()).hasSize(2);
            assertThat(full.recentMessages().get(0)).contains("Convocation au jury du brevet", "Secrétariat du collège");
            assertThat(full.recentMessages().get(1)).contains("Réunion de l’équipe pédagogique");
            assertThat(full.unreadMarked()).isEqualTo(2);
            assertThat(full.folders().get(0)).startsWith(fr("mail.folder.inbox")).contains("2");
            assertThat(full.quota()).matches("Espace utilisé : 0 Mo sur 5.000 Mo \\(0 %\\)");
            s.step(page, "full");

            SimpleHomePage simple = full.switchToSimplified();
            assertThat(simple.recentMessages()).hasSize(2);
            assertThat(simple.scriptCount()).isZero();
            s.step(page, "simplified");
        }
    }
}
