package fr.preau.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.identity.Account;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.testsupport.CorpusMessages;
import fr.preau.testsupport.DatabaseContract;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reading pane's API on a real store: every corpus message shown, and the cases that matter. */
abstract class MailReadingContract extends DatabaseContract {

    private static final ViewOptions LINKS = new ViewOptions(false, path -> "/parts/" + path);

    private MailServices mail;
    private MailReading reading;
    private MailPreferences preferences;
    private Account agent;
    private long inbox;

    @BeforeEach
    void services() {
        mail = MailServices.on(db);
        reading = new MailReading(mail.messages(), new MimeParser());
        preferences = new MailPreferences(db.jdbc(), mail.identity().clock());
        agent = mail.agent("Lecture", "Agent");
        mail.quotas().setAccountQuota("test", agent.id(), 100_000);
        inbox = mail.folders().byRole(agent.id(), FolderRole.INBOX).id();
    }

    private long store(byte[] raw) {
        return mail.messages().append(agent.id(), inbox, new ByteArrayInputStream(raw), MessageFlags.none(), null)
                .messageId();
    }

    private long store(String raw, java.nio.charset.Charset charset) {
        return store(raw.getBytes(charset));
    }

    @Test
    void everyCorpusMessageIsShown() {
        List<CorpusMessages.Message> corpus = CorpusMessages.all();
        SoftAssertions softly = new SoftAssertions();
        for (CorpusMessages.Message m : corpus) {
            long id = store(m.bytes());
            for (ViewOptions options : List.of(LINKS, new ViewOptions(true, null))) {
                try {
                    MessageView view = reading.view(agent.id(), id, options);
                    softly.assertThat(view.text()).as(m.name()).isNotNull();
                    softly.assertThat(view.attachments()).as(m.name()).allSatisfy(a -> assertThat(a.filename()).isNotBlank());
                    for (NestedView nested : view.nested()) {
                        softly.assertThat(reading.viewNested(agent.id(), id, nested.path(), options)).as(m.name()).isNotNull();
                    }
                } catch (RuntimeException e) {
                    softly.fail(m.name() + ": " + e, e);
                }
            }
            softly.assertThat(reading.headersText(agent.id(), id)).as(m.name()).isNotNull();
        }
        softly.assertAll();
    }

    @Test
    void cidImagesPointAtTheirPartAndAreInline() {
        String raw = """
                From: Lycée <info@lycee.example>\r
                To: agent@ac-dijon.fr\r
                Subject: Logo\r
                MIME-Version: 1.0\r
                Content-Type: multipart/related; boundary="b"\r
                \r
                --b\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <p>Voici <img src="cid:logo@lycee" alt="logo"> <img src="https://tracker.example/p.gif"></p>\r
                <script>alert(1)</script>\r
                --b\r
                Content-Type: image/png\r
                Content-ID: <logo@lycee>\r
                Content-Transfer-Encoding: base64\r
                \r
                iVBORw0KGgo=\r
                --b--\r
                """;
        long id = store(raw, StandardCharsets.UTF_8);
        MessageView view = reading.view(agent.id(), id, LINKS);
        assertThat(view.safeHtml()).contains("<img src=\"/parts/2\" alt=\"logo\" />").doesNotContain("script")
                .doesNotContain("tracker");
        assertThat(view.remoteContentBlocked()).isTrue();
        assertThat(view.attachments()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo("2");
            assertThat(a.inline()).isTrue();
            assertThat(a.image()).isTrue();
        });
        assertThat(view.text()).contains("Voici");
        assertThat(view.from()).containsExactly(new MailAddress("Lycée", "info@lycee.example"));

        MessageView remote = reading.view(agent.id(), id, new ViewOptions(true, LINKS.links()));
        assertThat(remote.safeHtml()).contains("https://tracker.example/p.gif");
        assertThat(remote.remoteContentBlocked()).isFalse();
    }

    @Test
    void alternativeGivesHtmlAndPlainText() {
        String raw = "From: a@example.org\r\nTo: agent@ac-dijon.fr\r\nSubject: Alt\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "texte brut\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p><b>riche</b></p>\r\n--b--\r\n";
        MessageView view = reading.view(agent.id(), store(raw, StandardCharsets.UTF_8), LINKS);
        assertThat(view.text()).isEqualTo("texte brut");
        assertThat(view.safeHtml()).contains("<b>riche</b>");
        assertThat(view.attachments()).isEmpty();
    }

    @Test
    void plainTextMessageHasNoHtml() {
        MessageView view = reading.view(agent.id(), store(Messages.simple("a@example.org", "agent@ac-dijon.fr", "Objet",
                "m1@example.org", "Bonjour"), StandardCharsets.UTF_8), LINKS);
        assertThat(view.safeHtml()).isNull();
        assertThat(view.text()).isEqualTo("Bonjour");
        assertThat(view.subject()).isEqualTo("Objet");
        assertThat(view.messageId()).isEqualTo("m1@example.org");
        assertThat(view.sentDate()).isNotNull();
    }

    @Test
    void latin1BodyIsDecoded() {
        String raw = "From: a@example.org\r\nTo: agent@ac-dijon.fr\r\nSubject: =?ISO-8859-1?Q?R=E9union?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Réunion à l'école, élèves et maîtres\r\n";
        MessageView view = reading.view(agent.id(), store(raw, StandardCharsets.ISO_8859_1), LINKS);
        assertThat(view.text()).isEqualTo("Réunion à l'école, élèves et maîtres");
        assertThat(view.subject()).isEqualTo("Réunion");

        String unknown = raw.replace("ISO-8859-1\r\nContent-Transfer", "x-unknown-42\r\nContent-Transfer");
        assertThat(reading.view(agent.id(), store(unknown, StandardCharsets.ISO_8859_1), LINKS).text()).contains("maîtres");
    }

    @Test
    void nestedMessagesAreListedAndShown() {
        String raw = "From: a@example.org\r\nTo: agent@ac-dijon.fr\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nvoir ci-joint\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: Chef <chef@example.org>\r\nSubject: Original\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
                + "--c\r\nContent-Type: text/html\r\n\r\n<p onclick=x>dedans</p>\r\n--c\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename=doc.pdf\r\n\r\n%PDF\r\n--c--\r\n--b--\r\n";
        long id = store(raw, StandardCharsets.UTF_8);
        MessageView view = reading.view(agent.id(), id, LINKS);
        assertThat(view.nested()).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo("2");
            assertThat(n.subject()).isEqualTo("Original");
            assertThat(n.from().address()).isEqualTo("chef@example.org");
            assertThat(n.date()).isNotNull();
        });
        MessageView inner = reading.viewNested(agent.id(), id, "2", LINKS);
        assertThat(inner.path()).isEqualTo("2");
        assertThat(inner.subject()).isEqualTo("Original");
        assertThat(inner.safeHtml()).isEqualTo("<p>dedans</p>");
        assertThat(inner.attachments()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo("2.2");
            assertThat(a.filename()).isEqualTo("doc.pdf");
            assertThat(a.pdf()).isTrue();
        });
        assertThatThrownBy(() -> reading.viewNested(agent.id(), id, "1", LINKS)).isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    void headersTextIsTheHeaderAsWritten() {
        long id = store(Messages.simple("a@example.org", "agent@ac-dijon.fr", "Objet", "m2@example.org", "x"),
                StandardCharsets.UTF_8);
        assertThat(reading.headersText(agent.id(), id)).startsWith("From: a@example.org\nTo: agent@ac-dijon.fr\n")
                .endsWith("charset=UTF-8");
    }

    @Test
    void anotherAccountsMessageIsNotFound() {
        long id = store(Messages.simple("a@example.org", "agent@ac-dijon.fr", "Objet", null, "x"), StandardCharsets.UTF_8);
        Account other = mail.agent("Autre", "Agent");
        assertThatThrownBy(() -> reading.view(other.id(), id, LINKS)).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> reading.headersText(other.id(), id)).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> reading.viewNested(other.id(), id, "1", LINKS)).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> reading.view(agent.id(), 999_999_999L, LINKS)).isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    void settingsHaveDefaultsAndRoundTrip() {
        assertThat(preferences.get(agent.id())).isEqualTo(MailSettings.DEFAULTS);
        MailSettings changed = new MailSettings("Camille\r\nLycée Carnot", MailSettings.Density.COMPACT,
                MailSettings.RemoteImages.ALWAYS, false, 100);
        preferences.save(agent.id(), changed);
        assertThat(preferences.get(agent.id())).isEqualTo(new MailSettings("Camille\nLycée Carnot",
                MailSettings.Density.COMPACT, MailSettings.RemoteImages.ALWAYS, false, 100));
        preferences.save(agent.id(), MailSettings.DEFAULTS);
        assertThat(preferences.get(agent.id())).isEqualTo(MailSettings.DEFAULTS);
        Account other = mail.agent("Autre", "Réglages");
        assertThat(preferences.get(other.id())).isEqualTo(MailSettings.DEFAULTS);
    }

    @Test
    void badSettingsAreRefusedWithAKey() {
        MailSettings d = MailSettings.DEFAULTS;
        assertThatThrownBy(() -> preferences.save(agent.id(), new MailSettings("x".repeat(2001), d.density(),
                d.remoteImages(), true, 50))).isInstanceOf(InvalidMailSettingsException.class)
                .extracting(e -> ((InvalidMailSettingsException) e).key()).isEqualTo("reading.settings.signature-too-long");
        assertThatThrownBy(() -> preferences.save(agent.id(), new MailSettings("", d.density(), d.remoteImages(), true, 30)))
                .isInstanceOf(InvalidMailSettingsException.class);
        assertThatThrownBy(() -> preferences.save(agent.id(), new MailSettings("", null, d.remoteImages(), true, 25)))
                .isInstanceOf(InvalidMailSettingsException.class);
        assertThatThrownBy(() -> preferences.save(agent.id(), new MailSettings("a\u0000b", d.density(), d.remoteImages(),
                true, 25))).isInstanceOf(InvalidMailSettingsException.class);
        preferences.save(agent.id(), new MailSettings("x".repeat(2000), d.density(), d.remoteImages(), true, 25));
        assertThat(preferences.get(agent.id()).signature()).hasSize(2000);
    }

    @Test
    void trustedSendersAreCaseInsensitiveAndPerAccount() {
        preferences.trustSender(agent.id(), "Info@Lycee.Example");
        preferences.trustSender(agent.id(), "<info@lycee.example>");
        preferences.trustSender(agent.id(), "b@example.org");
        assertThat(preferences.trustedSenders(agent.id())).containsExactly("b@example.org", "info@lycee.example");
        assertThat(preferences.trustsSender(agent.id(), "INFO@lycee.example")).isTrue();
        assertThat(preferences.trustsSender(agent.id(), "other@lycee.example")).isFalse();
        assertThat(preferences.trustsSender(agent.id(), null)).isFalse();
        Account other = mail.agent("Autre", "Confiance");
        assertThat(preferences.trustsSender(other.id(), "info@lycee.example")).isFalse();
        assertThat(preferences.trustedSenders(other.id())).isEmpty();
        preferences.untrustSender(agent.id(), "INFO@LYCEE.EXAMPLE");
        assertThat(preferences.trustedSenders(agent.id())).containsExactly("b@example.org");
        assertThatThrownBy(() -> preferences.trustSender(agent.id(), "pas une adresse"))
                .isInstanceOf(InvalidMailSettingsException.class);
    }
}
