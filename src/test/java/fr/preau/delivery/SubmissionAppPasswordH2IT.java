package fr.preau.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.io.BaseEncoding;
import fr.preau.identity.AppPasswords;
import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.NewAccount;
import fr.preau.identity.PasswordChanges;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.identity.TwoFactor;
import fr.preau.identity.internal.Totp;
import fr.preau.platform.web.ClientInfo;
import fr.preau.testsupport.H2Context;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A mail client (Angus Mail) on the submission port, STARTTLS and AUTH: with the account's
 * password before two-factor authentication is on; once it is on, with an app password only
 * (the account password is refused), until the app password is revoked by a password reset.
 */
@SpringBootTest(properties = "preau.demo.enabled=true")
@H2Context
class SubmissionAppPasswordH2IT {

    private static final String PASSWORD = "Marelle-Cerf-Volant-84!";
    private static final ClientInfo CLIENT = new ClientInfo("192.0.2.5", "test");

    @Autowired SmtpEndpoints smtp;
    @Autowired Accounts accounts;
    @Autowired FirstConnection firstConnection;
    @Autowired TwoFactor twoFactor;
    @Autowired AppPasswords appPasswords;
    @Autowired PasswordChanges passwordChanges;

    private void send(String user, String password, String from) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(smtp.endpoint("submission").orElseThrow().port()));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("camille.martin@ac-dijon.fr"));
        m.setSubject("Conseil de classe", "UTF-8");
        m.setText("Bonjour, la réunion est à 17 h.", "UTF-8");
        m.saveChanges();
        try (Transport t = session.getTransport("smtp")) {
            t.connect(user, password);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    @Test
    void onceTwoFactorIsOnOnlyAppPasswordsSendMail() throws Exception {
        ProvisionedAccount created = accounts.create("test", new NewAccount("Fabre", "Lucie", "07E1699001TFA",
                "enseignant", "0210015C", null, null));
        assertThat(firstConnection.complete(created.account().id(), PASSWORD, PASSWORD, null, null, CLIENT)).isEmpty();
        long id = created.account().id();
        String login = created.account().login();
        String address = created.account().email();

        send(login, PASSWORD, address);

        TwoFactor.Enrollment enrollment = twoFactor.startEnrollment(id, CLIENT).orElseThrow();
        byte[] secret = BaseEncoding.base32().decode(enrollment.secret().replace(" ", ""));
        assertThat(twoFactor.confirm(id, new Totp().codeAt(secret, Instant.now()), CLIENT))
                .isInstanceOf(TwoFactor.Confirmation.Enabled.class);
        var thunderbird = (AppPasswords.Creation.Created) appPasswords.create(id, "Thunderbird", CLIENT);

        assertThatThrownBy(() -> send(login, PASSWORD, address)).as("the account password")
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("535");
        send(login, thunderbird.password(), address);
        send(address, thunderbird.password().replace("-", ""), address);
        assertThat(appPasswords.list(id).getFirst().lastUsedProtocol()).isEqualTo("smtp");

        String renewed = "Nouvelle-Tartine-Volcan-61!";
        assertThat(passwordChanges.reset(id, renewed, renewed, "test", CLIENT)).isEmpty();
        assertThat(appPasswords.list(id)).as("revoked by the reset").isEmpty();
        assertThatThrownBy(() -> send(login, thunderbird.password(), address))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> send(login, renewed, address)).as("still 2FA: the new password neither")
                .isInstanceOf(AuthenticationFailedException.class);
    }
}
