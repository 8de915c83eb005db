package fr.preau.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.preau.delivery.internal.auth.DkimKeys;
import fr.preau.delivery.internal.auth.DkimResult;
import fr.preau.delivery.internal.auth.DkimVerifier;
import fr.preau.delivery.internal.dns.StaticDns;
import fr.preau.delivery.internal.outbound.SmtpSink;
import fr.preau.delivery.internal.smtp.ScriptedClient;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.FolderRole;
import fr.preau.mail.ListOrder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailQuotas;
import fr.preau.mail.MessageSummary;
import fr.preau.testsupport.CorpusMessages;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mail as users make it flow, through the real listeners on real sockets: two demo agents
 * write to each other with a mail client (Angus Mail) over submission (STARTTLS and implicit
 * TLS); an outside server delivers on the MX; mail to the Internet leaves DKIM-signed for a
 * local SMTP sink (the smarthost); and the refusals a client meets.
 */
@SpringBootTest(properties = {"preau.demo.enabled=true", "preau.delivery.poll-interval=1s"})
abstract class MailFlowContract {

    static final String PASSWORD = "Marelle-Cerf-Volant-84!";
    /** One sink for the H2 and PostgreSQL runs (their contexts may both be alive): it dies with the JVM. */
    static final SmtpSink SINK = SmtpSink.start();

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("preau.delivery.smarthost.host", () -> "127.0.0.1");
        registry.add("preau.delivery.smarthost.port", SINK::port);
        registry.add("preau.delivery.smarthost.tls", () -> "starttls-opportunistic");
        registry.add("preau.delivery.smarthost.verify-certificate", () -> "false");
    }

    @Autowired SmtpEndpoints smtp;
    @Autowired Accounts accounts;
    @Autowired MailFolders folders;
    @Autowired MailMessages messages;
    @Autowired MailQuotas quotas;
    @Autowired DkimKeys dkimKeys;

    Account agent(String login) {
        return accounts.byLogin(login).orElseThrow();
    }

    int port(String listener) {
        return smtp.endpoint(listener).orElseThrow().port();
    }

    Session session(String listener, boolean auth) {
        Properties p = new Properties();
        boolean implicit = listener.equals("submissions");
        String protocol = implicit ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", "127.0.0.1");
        p.put("mail." + protocol + ".port", String.valueOf(port(listener)));
        p.put("mail." + protocol + ".auth", String.valueOf(auth));
        p.put("mail." + protocol + ".ssl.trust", "*");
        p.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        if (!implicit && !listener.equals("mx")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(p);
    }

    MimeMessage message(Session session, String from, String to, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    void send(String listener, String user, String password, MimeMessage m) throws Exception {
        send(listener, user, password, m, null);
    }

    /** Sends with an envelope sender of its own when {@code envelopeFrom} is given (else the From). */
    void send(String listener, String user, String password, MimeMessage m, String envelopeFrom) throws Exception {
        Session session = session(listener, user != null);
        if (envelopeFrom != null) {
            session.getProperties().put("mail.smtp.from", envelopeFrom);
        }
        try (Transport t = session.getTransport()) {
            if (user != null) {
                t.connect(user, password);
            } else {
                t.connect();
            }
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    MessageSummary newest(Account a, FolderRole role) {
        long folder = folders.byRole(a.id(), role).id();
        List<MessageSummary> page = messages.list(a.id(), folder, ListOrder.newestFirst(), 0, 1).messages();
        return page.isEmpty() ? null : page.get(0);
    }

    String raw(Account a, MessageSummary s) throws Exception {
        try (InputStream in = messages.openRaw(a.id(), s.id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void twoAgentsWriteToEachOtherWithAMailClient() throws Exception {
        Account camille = agent("cmartin");
        Account thomas = agent("tbernard");
        Session s = session("submission", true);
        send("submission", "cmartin", PASSWORD, message(s, camille.email(), thomas.email(), "Conseil de classe",
                "Bonjour Thomas,\nle conseil est jeudi à 17 h.\nCamille"));
        MessageSummary received = newest(thomas, FolderRole.INBOX);
        assertThat(received.subject()).isEqualTo("Conseil de classe");
        assertThat(received.from().address()).isEqualTo(camille.email());
        String raw = raw(thomas, received);
        assertThat(raw).startsWith("Received: from ").contains("with ESMTPSA");
        // the reply goes over implicit TLS (port 465 style), logged in with the address
        send("submissions", thomas.email(), PASSWORD, message(session("submissions", true), thomas.email(),
                camille.email(), "Re: Conseil de classe", "C'est noté."));
        assertThat(newest(camille, FolderRole.INBOX).subject()).isEqualTo("Re: Conseil de classe");
    }

    @Test
    void anOutsideServerDeliversOnTheMx() throws Exception {
        Account camille = agent("cmartin");
        MimeMessage m = message(session("mx", false), "parent.eleve@example.org", camille.email(),
                "Absence de mon fils", "Madame, mon fils sera absent demain.");
        send("mx", null, null, m);
        MessageSummary received = newest(camille, FolderRole.INBOX);
        assertThat(received.subject()).isEqualTo("Absence de mon fils");
        String raw = raw(camille, received);
        assertThat(raw).startsWith("Return-Path: <parent.eleve@example.org>\r\n");
        assertThat(raw).contains("Authentication-Results: " + smtp.hostname()).contains("spf=none").contains("X-Spam-Status: No");
    }

    @Test
    void phishingFromOutsideIsFiledIntoIndesirables() throws Exception {
        Account hugo = agent("hlambert");
        int inboxBefore = folders.byRole(hugo.id(), FolderRole.INBOX).messages();
        Session s = session("mx", false);
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress("support@secure-mail.example", "Rectorat de Lyon", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(hugo.email()));
        m.setSubject("Votre boîte aux lettres est pleine", "UTF-8");
        m.setContent("<p>Votre boîte aux lettres est pleine. Vérifiez votre compte ici : "
                + "<a href=\"http://203.0.113.7/owa/login\">https://messagerie.ac-lyon.fr</a></p>", "text/html; charset=UTF-8");
        m.saveChanges();
        send("mx", null, null, m);
        MessageSummary junk = newest(hugo, FolderRole.JUNK);
        assertThat(junk).isNotNull();
        assertThat(junk.subject()).isEqualTo("Votre boîte aux lettres est pleine");
        assertThat(raw(hugo, junk)).contains("X-Spam-Status: Yes");
        assertThat(folders.byRole(hugo.id(), FolderRole.INBOX).messages()).isEqualTo(inboxBefore);
    }

    @Test
    void theMxRefusesUnknownRecipientsAndRelaying() throws Exception {
        try (ScriptedClient client = ScriptedClient.connect(port("mx"))) {
            client.expect(220);
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<someone@example.org>", 250);
            assertThat(client.command("RCPT TO:<personne.inconnue@ac-dijon.fr>").code()).isEqualTo(550);
            assertThat(client.command("RCPT TO:<personne.inconnue@ac-dijon.fr>").lines().get(0)).contains("5.1.1");
            ScriptedClient.Reply relay = client.command("RCPT TO:<victim@example.com>");
            assertThat(relay.code()).isEqualTo(554);
            assertThat(relay.lines().get(0)).contains("5.7.1");
            assertThat(client.command("RCPT TO:<nicolas.durand@ac-dijon.fr>").lines().get(0)).as("suspended").contains("5.2.1");
            assertThat(client.command("RCPT TO:<postmaster@ac-dijon.fr>").code()).isEqualTo(250);
            client.expect("QUIT", 221);
        }
    }

    @Test
    void mailToTheInternetLeavesDkimSigned() throws Exception {
        Account camille = agent("cmartin");
        int before = SINK.transactions().size();
        send("submission", "cmartin", PASSWORD, message(session("submission", true), camille.email(),
                "collegue@universite.example", "Sortie au musée", "Voici le programme."));
        await().atMost(Duration.ofSeconds(20)).until(() -> SINK.transactions().size() > before);
        SmtpSink.Transaction sent = SINK.transactions().get(SINK.transactions().size() - 1);
        assertThat(sent.mailFrom()).isEqualTo(camille.email());
        assertThat(sent.recipients()).containsExactly("collegue@universite.example");
        assertThat(sent.text()).startsWith("DKIM-Signature: ").contains("d=ac-dijon.fr");
        StaticDns published = StaticDns.parse(dkimKeys.dnsRecord("ac-dijon.fr").zoneLine());
        List<DkimResult> verified = new DkimVerifier(published).verify(new ByteArrayInputStream(sent.data()));
        assertThat(verified).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(DkimResult.Result.PASS);
            assertThat(r.domain()).isEqualTo("ac-dijon.fr");
        });
    }

    @Test
    void submissionRefusesWrongPasswordsAndForeignSenders() throws Exception {
        Account camille = agent("cmartin");
        Account thomas = agent("tbernard");
        Session s = session("submission", true);
        assertThatThrownBy(() -> send("submission", "cmartin", "wrong-password", message(s, camille.email(),
                thomas.email(), "x", "x"))).isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
        assertThatThrownBy(() -> send("submission", "cmartin", PASSWORD, message(s, thomas.email(), thomas.email(),
                "Usurpation", "x"))).isInstanceOf(jakarta.mail.MessagingException.class)
                .hasMessageContaining("553");
        MimeMessage spoofed = message(s, "recteur@ac-dijon.fr", thomas.email(), "Faux expéditeur", "x");
        assertThatThrownBy(() -> send("submission", "cmartin", PASSWORD, spoofed, camille.email()))
                .isInstanceOf(jakarta.mail.MessagingException.class).hasStackTraceContaining("550 5.7.1");
    }

    @Test
    void aFullMailboxIsRefusedAtRcptWhenTheSizeIsAnnounced() throws Exception {
        Account jeanne = agent("jdupont2");
        quotas.setAccountQuota("test", jeanne.id(), 1);
        try (ScriptedClient client = ScriptedClient.connect(port("mx"))) {
            client.expect(220);
            client.ehlo("client.example.org");
            client.expect("MAIL FROM:<someone@example.org> SIZE=2000000", 250);
            ScriptedClient.Reply full = client.command("RCPT TO:<" + jeanne.email() + ">");
            assertThat(full.code()).isEqualTo(452);
            assertThat(full.lines().get(0)).contains("4.2.2");
            client.expect("QUIT", 221);
        } finally {
            quotas.setAccountQuota("test", jeanne.id(), null);
        }
    }

    @Test
    void everyCorpusMessageGoesThroughTheMxIntoTheStoreUnchanged() throws Exception {
        Account efournier = agent("efournier");
        quotas.setAccountQuota("test", efournier.id(), 100_000);
        long inbox = folders.byRole(efournier.id(), FolderRole.INBOX).id();
        long junk = folders.byRole(efournier.id(), FolderRole.JUNK).id();
        List<CorpusMessages.Message> corpus = CorpusMessages.all();
        SoftAssertions softly = new SoftAssertions();
        try (ScriptedClient client = ScriptedClient.connect(port("mx"))) {
            client.expect(220);
            client.ehlo("corpus.example.org");
            for (CorpusMessages.Message m : corpus) {
                int before = folders.get(efournier.id(), inbox).messages() + folders.get(efournier.id(), junk).messages();
                client.expect("MAIL FROM:<corpus@example.org>", 250);
                client.expect("RCPT TO:<" + efournier.email() + ">", 250);
                client.expect("DATA", 354);
                byte[] normalized = crlf(m.bytes());
                client.sendRaw(dotStuffed(normalized));
                client.sendRaw(".\r\n");
                ScriptedClient.Reply reply = client.read();
                softly.assertThat(reply.code()).as(m.name() + ": " + reply.lines()).isEqualTo(250);
                if (reply.code() != 250) {
                    continue;
                }
                var inInbox = folders.get(efournier.id(), inbox);
                var inJunk = folders.get(efournier.id(), junk);
                softly.assertThat(inInbox.messages() + inJunk.messages()).as(m.name()).isEqualTo(before + 1);
                var newest = newestOf(List.of(inInbox, inJunk), efournier);
                byte[] raw;
                try (InputStream in = messages.openRaw(efournier.id(), newest.id())) {
                    raw = in.readAllBytes();
                }
                softly.assertThat(endsWith(raw, normalized)).as(m.name() + ": the stored message ends with the bytes sent").isTrue();
                String added = new String(raw, 0, raw.length - normalized.length, StandardCharsets.UTF_8);
                softly.assertThat(added).as(m.name()).startsWith("Return-Path: <corpus@example.org>\r\n")
                        .contains("Received: from corpus.example.org").contains("Authentication-Results: ");
            }
            client.expect("QUIT", 221);
        }
        softly.assertAll();
    }

    /** The message stored last in these folders (the highest id: ids grow with every insert). */
    MessageSummary newestOf(List<fr.preau.mail.Folder> in, Account account) {
        return in.stream().filter(f -> f.messages() > 0)
                .map(f -> messages.byUid(account.id(), f.id(), f.uidNext() - 1))
                .max(java.util.Comparator.comparingLong(MessageSummary::id)).orElseThrow();
    }

    /** What SMTP stores: lines ending in CRLF (a bare LF or CR ends a line), and a final CRLF. */
    static byte[] crlf(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1024);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        byte[] result = out.toByteArray();
        if (result.length < 2 || result[result.length - 2] != '\r' || result[result.length - 1] != '\n') {
            out.write('\r');
            out.write('\n');
            result = out.toByteArray();
        }
        return result;
    }

    static byte[] dotStuffed(byte[] crlf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(crlf.length + 64);
        boolean lineStart = true;
        for (byte b : crlf) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        return out.toByteArray();
    }

    static boolean endsWith(byte[] whole, byte[] tail) {
        if (tail.length > whole.length) {
            return false;
        }
        return java.util.Arrays.equals(whole, whole.length - tail.length, whole.length, tail, 0, tail.length);
    }
}
