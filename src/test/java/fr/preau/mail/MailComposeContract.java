package fr.preau.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.mime.MimePart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The web mail's compose backend in the running application: sending between local accounts
 * through the delivery module's submission port, replies and forwards, drafts, uploads and
 * the refusals the compose form shows. The message size limit is 1 MB here.
 */
@SpringBootTest(properties = {"preau.demo.enabled=true", "preau.mail.compose.max-message-size=1MB"})
abstract class MailComposeContract {

    @Autowired MailComposer composer;
    @Autowired MailUploads uploads;
    @Autowired MailMessages messages;
    @Autowired MailFolders folders;
    @Autowired MailQuotas quotas;
    @Autowired Accounts accounts;

    Account agent(String login) {
        return accounts.byLogin(login).orElseThrow();
    }

    static String unique(String subject) {
        return subject + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Draft draft(List<String> to, List<String> cc, List<String> bcc, String subject, String text) {
        return new Draft(null, to, cc, bcc, subject, text, null, Draft.NORMAL, false, null, List.of(), null, null,
                List.of());
    }

    List<MessageSummary> withSubject(Account a, FolderRole role, String subject) {
        long folder = folders.byRole(a.id(), role).id();
        return messages.list(a.id(), folder, ListOrder.newestFirst(), 0, 200).messages().stream()
                .filter(m -> m.subject().equals(subject)).toList();
    }

    MessageSummary only(Account a, FolderRole role, String subject) {
        List<MessageSummary> found = withSubject(a, role, subject);
        assertThat(found).as("%s in %s of %s", subject, role, a.login()).hasSize(1);
        return found.get(0);
    }

    MimeMessage mime(Account a, MessageSummary m) throws Exception {
        try (InputStream in = messages.openRaw(a.id(), m.id())) {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    static ComposeException composeError(Runnable action) {
        try {
            action.run();
        } catch (ComposeException e) {
            return e;
        }
        throw new AssertionError("no ComposeException");
    }

    static List<String> keys(ComposeException e) {
        return e.errors().stream().map(ComposeError::messageKey).toList();
    }

    @Test
    void sendsBetweenLocalAccountsWithBccHiddenAndACopyInEnvoyes() throws Exception {
        Account lea = agent("lmoreau");
        Account antoine = agent("agirard");
        Account emma = agent("efournier");
        String subject = unique("Réunion pédagogique — salle 12");
        Draft d = new Draft(null, List.of("Antoine Girard <" + antoine.email() + ">"), List.of(),
                List.of("Émma Fournier <" + emma.email() + ">"), subject, "Bonjour,\nla réunion est jeudi à 17 h.\nLéa",
                null, Draft.HIGH, true, null, List.of(), null, null, List.of());
        SentMessage sent = composer.send(lea.id(), d);
        assertThat(sent.recipients()).isEqualTo(2);
        assertThat(sent.messageIdHeader()).endsWith("@ac-dijon.fr");

        MessageSummary received = only(antoine, FolderRole.INBOX, subject);
        MimeMessage m = mime(antoine, received);
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(lea.email());
        assertThat(from.getPersonal()).isEqualTo(lea.displayName());
        assertThat(m.getHeader("Message-ID")[0]).isEqualTo("<" + sent.messageIdHeader() + ">");
        assertThat(m.getSubject()).isEqualTo(subject);
        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(m.getHeader("X-Priority")[0]).startsWith("1");
        assertThat(m.getHeader("Importance")[0]).isEqualTo("high");
        assertThat(m.getHeader("Disposition-Notification-To")[0]).contains(lea.email());
        assertThat(m.getHeader("User-Agent")).isNotNull();
        assertThat(m.getSentDate()).isNotNull();
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat((String) m.getContent()).contains("jeudi à 17 h");
        assertThat(received.priority()).isEqualTo(1);

        MessageSummary hidden = only(emma, FolderRole.INBOX, subject);
        MimeMessage forEmma = mime(emma, hidden);
        assertThat(forEmma.getHeader("Bcc")).isNull();
        assertThat(new String(messages.openRaw(emma.id(), hidden.id()).readAllBytes(), StandardCharsets.UTF_8))
                .doesNotContainIgnoringCase("bcc:");

        MessageSummary copy = only(lea, FolderRole.SENT, subject);
        assertThat(copy.id()).isEqualTo(sent.sentCopyId());
        assertThat(copy.flags().seen()).isTrue();
        assertThat(mime(lea, copy).getHeader("Bcc")).as("the sender's copy keeps the Bcc").isNotNull();

        assertThat(composer.recentRecipients(lea.id(), "ANTO", 10)).extracting(MailAddress::address).contains(antoine.email());
        assertThat(composer.recentRecipients(lea.id(), "ém", 10)).extracting(MailAddress::address).contains(emma.email());
        assertThat(composer.recentRecipients(lea.id(), "gir", 10)).extracting(MailAddress::address).contains(antoine.email());
        assertThat(composer.recentRecipients(lea.id(), "zzz", 10)).isEmpty();
        assertThat(composer.recentRecipients(antoine.id(), "ANTO", 10)).as("another account's").isEmpty();
    }

    @Test
    void aReplyKeepsTheConversationAndMarksTheOriginalAnswered() throws Exception {
        Account lea = agent("lmoreau");
        Account antoine = agent("agirard");
        Account emma = agent("efournier");
        String subject = unique("Emploi du temps");
        composer.send(lea.id(), draft(List.of(antoine.email()), List.of(emma.email()), List.of(), subject,
                "Voici la proposition.\n> déjà cité"));
        MessageSummary original = only(antoine, FolderRole.INBOX, subject);

        Draft reply = composer.reply(antoine.id(), original.id(), false, Locale.FRENCH);
        assertThat(reply.subject()).isEqualTo("Re: " + subject);
        assertThat(reply.to()).hasSize(1).allMatch(a -> a.contains(lea.email()));
        assertThat(reply.cc()).isEmpty();
        assertThat(reply.text()).contains(" a écrit :").contains("> Voici la proposition.").contains(">> déjà cité");
        assertThat(reply.inReplyTo()).isNotNull();
        assertThat(reply.references()).containsExactly(reply.inReplyTo());
        assertThat(reply.repliedMessageId()).isEqualTo(original.id());

        Draft all = composer.reply(antoine.id(), original.id(), true, Locale.ENGLISH);
        assertThat(all.cc()).hasSize(1).allMatch(a -> a.contains(emma.email()));
        assertThat(String.join(",", all.to()) + String.join(",", all.cc())).doesNotContain(antoine.email());
        assertThat(all.text()).contains(" wrote:");

        composer.send(antoine.id(), new Draft(null, reply.to(), reply.cc(), reply.bcc(), reply.subject(),
                "D'accord." + reply.text(), null, Draft.NORMAL, false, reply.inReplyTo(), reply.references(),
                reply.repliedMessageId(), null, List.of()));
        assertThat(messages.get(antoine.id(), original.id()).flags().has(Flag.ANSWERED)).isTrue();
        MessageSummary sentReply = only(antoine, FolderRole.SENT, "Re: " + subject);
        assertThat(sentReply.threadId()).isEqualTo(original.threadId());
        MessageSummary leaReceives = only(lea, FolderRole.INBOX, "Re: " + subject);
        assertThat(leaReceives.threadId()).isEqualTo(only(lea, FolderRole.SENT, subject).threadId());
        assertThat(mime(lea, leaReceives).getHeader("In-Reply-To")[0]).isEqualTo("<" + reply.inReplyTo() + ">");

        // Re: once, whatever the answer's answer
        Draft again = composer.reply(lea.id(), leaReceives.id(), false, Locale.FRENCH);
        assertThat(again.subject()).isEqualTo("Re: " + subject);
        assertThat(again.references()).hasSize(2);
    }

    @Test
    void forwardsInlineWithAttachmentsOrAsAWholeMessage() throws Exception {
        Account lea = agent("lmoreau");
        Account antoine = agent("agirard");
        Account emma = agent("efournier");
        String subject = unique("Progression annuelle");
        Upload file = uploads.stage(lea.id(), "progression-2026.pdf", "application/pdf",
                new ByteArrayInputStream("%PDF-1.4 progression".getBytes(StandardCharsets.US_ASCII)));
        composer.send(lea.id(), new Draft(null, List.of(antoine.email()), List.of(), List.of(), subject, "Ci-joint.",
                null, Draft.NORMAL, false, null, List.of(), null, null, List.of(DraftAttachment.upload(file))));
        assertThatThrownBy(() -> uploads.get(lea.id(), file.id())).as("sent uploads are removed")
                .isInstanceOf(ComposeException.class);
        MessageSummary original = only(antoine, FolderRole.INBOX, subject);
        assertThat(original.hasAttachment()).isTrue();

        Draft inline = composer.forward(antoine.id(), original.id(), false, Locale.FRENCH);
        assertThat(inline.subject()).isEqualTo("Tr: " + subject);
        assertThat(inline.text()).contains("Message transféré").contains("Objet : " + subject).contains("Ci-joint.");
        assertThat(inline.attachments()).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(DraftAttachment.Source.PART);
            assertThat(a.filename()).isEqualTo("progression-2026.pdf");
        });
        assertThat(composer.forward(antoine.id(), original.id(), false, Locale.ENGLISH).subject()).isEqualTo("Fwd: " + subject);

        Draft whole = composer.forward(antoine.id(), original.id(), true, Locale.FRENCH);
        assertThat(whole.attachments()).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(DraftAttachment.Source.MESSAGE);
            assertThat(a.contentType()).isEqualTo("message/rfc822");
        });
        composer.send(antoine.id(), new Draft(null, List.of(emma.email()), List.of(), List.of(), whole.subject(),
                "Pour information.", null, Draft.NORMAL, false, null, List.of(), null, whole.forwardedMessageId(),
                whole.attachments()));
        assertThat(messages.get(antoine.id(), original.id()).flags().keywords()).contains("$Forwarded");
        MessageSummary received = only(emma, FolderRole.INBOX, "Tr: " + subject);
        var structure = messages.structure(emma.id(), received.id());
        MimePart nested = structure.body().flatten().stream().filter(MimePart::isMessage).findFirst().orElseThrow();
        assertThat(nested.message().envelope().subject()).isEqualTo(subject);
        assertThat(nested.encoding()).isIn("7bit", "8bit");

        composer.send(antoine.id(), new Draft(null, List.of(emma.email()), List.of(), List.of(), inline.subject() + " (2)",
                inline.text(), null, Draft.NORMAL, false, null, List.of(), null, null, inline.attachments()));
        MessageSummary second = only(emma, FolderRole.INBOX, inline.subject() + " (2)");
        assertThat(messages.structure(emma.id(), second.id()).attachments())
                .extracting(fr.preau.mail.mime.Attachment::filename).containsExactly("progression-2026.pdf");
    }

    @Test
    void aDraftIsSavedReadBackAndReplacedThenSent() throws Exception {
        Account lea = agent("lmoreau");
        Account antoine = agent("agirard");
        String subject = unique("Sortie scolaire");
        Upload file = uploads.stage(lea.id(), "autorisation parentale é.txt", "text/plain; charset=utf-8",
                new ByteArrayInputStream("Autorisation".getBytes(StandardCharsets.UTF_8)));
        Draft d = new Draft(null, List.of("Antoine Girard <" + antoine.email() + ">", "pas-encore@"),
                List.of("direction@ac-dijon.fr"), List.of("secret@ac-dijon.fr"), subject, "Premier jet\nligne 2",
                "<p>Premier <b>jet</b></p>", Draft.LOW, true, null, List.of(), null, null,
                List.of(DraftAttachment.upload(file)));
        long first = composer.saveDraft(lea.id(), d);
        MessageSummary saved = only(lea, FolderRole.DRAFTS, subject);
        assertThat(saved.id()).isEqualTo(first);
        assertThat(saved.flags().has(Flag.DRAFT)).isTrue();
        assertThat(saved.flags().seen()).isTrue();

        Draft loaded = composer.load(lea.id(), first);
        assertThat(loaded.draftMessageId()).isEqualTo(first);
        assertThat(loaded.to()).hasSize(2).anyMatch(a -> a.contains(antoine.email()));
        assertThat(loaded.cc()).containsExactly("direction@ac-dijon.fr");
        assertThat(loaded.bcc()).containsExactly("secret@ac-dijon.fr");
        assertThat(loaded.subject()).isEqualTo(subject);
        assertThat(loaded.text()).isEqualTo("Premier jet\nligne 2");
        assertThat(loaded.html()).contains("<b>jet</b>");
        assertThat(loaded.priority()).isEqualTo(Draft.LOW);
        assertThat(loaded.readReceipt()).isTrue();
        assertThat(loaded.attachments()).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(DraftAttachment.Source.PART);
            assertThat(a.messageId()).isEqualTo(first);
            assertThat(a.filename()).isEqualTo("autorisation parentale é.txt");
        });

        Draft edited = new Draft(first, List.of(antoine.email()), List.of(), List.of(), subject, "Version finale",
                null, Draft.NORMAL, false, null, List.of(), null, null, loaded.attachments());
        long second = composer.saveDraft(lea.id(), edited);
        assertThat(second).isNotEqualTo(first);
        assertThat(only(lea, FolderRole.DRAFTS, subject).id()).isEqualTo(second);
        assertThatThrownBy(() -> messages.get(lea.id(), first)).isInstanceOf(NoSuchMessageException.class);
        Draft reloaded = composer.load(lea.id(), second);
        assertThat(reloaded.attachments()).singleElement().satisfies(a -> assertThat(a.messageId()).isEqualTo(second));

        composer.send(lea.id(), reloaded);
        assertThat(withSubject(lea, FolderRole.DRAFTS, subject)).isEmpty();
        MessageSummary received = only(antoine, FolderRole.INBOX, subject);
        assertThat(messages.structure(antoine.id(), received.id()).attachments())
                .extracting(fr.preau.mail.mime.Attachment::filename).containsExactly("autorisation parentale é.txt");
    }

    @Test
    void malformedAddressesAreEachNamedAndNothingIsSent() {
        Account lea = agent("lmoreau");
        String subject = unique("Adresses");
        ComposeException e = composeError(() -> composer.send(lea.id(), draft(
                List.of("antoine.girard@ac-dijon.fr, pas-une-adresse", "jean@"), List.of("x@y@z"),
                List.of("Nom \"mal <fermé"), subject, "texte")));
        assertThat(e.errors()).extracting(ComposeError::field, ComposeError::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("to", "compose.error.address-invalid"),
                        org.assertj.core.groups.Tuple.tuple("to", "compose.error.address-invalid"),
                        org.assertj.core.groups.Tuple.tuple("cc", "compose.error.address-invalid"),
                        org.assertj.core.groups.Tuple.tuple("bcc", "compose.error.address-invalid"));
        assertThat(e.errors()).extracting(err -> err.args().get(0))
                .containsExactly("pas-une-adresse", "jean@", "x@y@z", "Nom \"mal <fermé");
        assertThat(keys(composeError(() -> composer.send(lea.id(), draft(List.of(), List.of(), List.of(), subject, "x")))))
                .containsExactly("compose.error.no-recipient");
        assertThat(withSubject(lea, FolderRole.SENT, subject)).isEmpty();
    }

    @Test
    void theSubmissionRefusesUnknownAndDisabledLocalAddressesAndTheDraftStays() {
        Account lea = agent("lmoreau");
        Account antoine = agent("agirard");
        String subject = unique("Refus");
        Draft d = draft(List.of(antoine.email()), List.of("personne.inconnue@ac-dijon.fr"), List.of(), subject, "x");
        long saved = composer.saveDraft(lea.id(), d);
        ComposeException unknown = composeError(() -> composer.send(lea.id(), d.withDraftMessageId(saved)));
        assertThat(unknown.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("cc");
            assertThat(err.messageKey()).isEqualTo("compose.error.unknown-recipient");
            assertThat(err.args()).containsExactly("personne.inconnue@ac-dijon.fr");
        });
        assertThat(withSubject(antoine, FolderRole.INBOX, subject)).as("nothing sent").isEmpty();
        assertThat(withSubject(lea, FolderRole.SENT, subject)).isEmpty();
        assertThat(only(lea, FolderRole.DRAFTS, subject).id()).isEqualTo(saved);
        Account nicolas = agent("ndurand");
        assertThat(keys(composeError(() -> composer.send(lea.id(), draft(List.of(nicolas.email()), List.of(), List.of(),
                subject, "x"))))).containsExactly("compose.error.disabled-recipient");
    }

    @Test
    void uploadsAreRefusedBeyondTheMessageLimitAndTheQuota() {
        Account jean = agent("jdupont");
        byte[] big = new byte[1024 * 1024 + 1];
        assertThat(keys(composeError(() -> uploads.stage(jean.id(), "gros.bin", "application/octet-stream",
                new ByteArrayInputStream(big))))).containsExactly("compose.error.attachment-too-big");

        byte[] part = new byte[600 * 1024];
        Upload a = uploads.stage(jean.id(), "a.bin", "application/octet-stream", new ByteArrayInputStream(part));
        Upload b = uploads.stage(jean.id(), "b.bin", "application/octet-stream", new ByteArrayInputStream(part));
        ComposeException tooBig = composeError(() -> composer.send(jean.id(), new Draft(null,
                List.of(agent("agirard").email()), List.of(), List.of(), unique("Trop gros"), "x", null, Draft.NORMAL,
                false, null, List.of(), null, null, List.of(DraftAttachment.upload(a), DraftAttachment.upload(b)))));
        assertThat(keys(tooBig)).containsExactly("compose.error.message-too-big");
        uploads.discard(jean.id(), a.id());
        uploads.discard(jean.id(), b.id());

        quotas.setAccountQuota("test", jean.id(), 1);
        try {
            ComposeException over = composeError(() -> {
                for (int i = 0; i < 3; i++) {
                    uploads.stage(jean.id(), "f" + i + ".bin", "application/octet-stream", new ByteArrayInputStream(part));
                }
            });
            assertThat(keys(over)).containsExactly("compose.error.attachment-over-quota");
        } finally {
            quotas.setAccountQuota("test", jean.id(), null);
        }
    }

    @Test
    void anotherAccountsMessagesAndUploadsAreRefused() {
        Account lea = agent("lmoreau");
        Account antoine = agent("agirard");
        String subject = unique("Privé");
        composer.send(lea.id(), draft(List.of(antoine.email()), List.of(), List.of(), subject, "x"));
        long his = only(antoine, FolderRole.INBOX, subject).id();
        assertThatThrownBy(() -> composer.reply(lea.id(), his, false, Locale.FRENCH)).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> composer.forward(lea.id(), his, true, Locale.FRENCH)).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> composer.editAsNew(lea.id(), his)).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> composer.load(lea.id(), his)).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> composer.saveDraft(lea.id(), Draft.empty().withDraftMessageId(his)))
                .isInstanceOf(NoSuchMessageException.class);
        assertThat(keys(composeError(() -> composer.send(lea.id(), new Draft(null, List.of(antoine.email()), List.of(),
                List.of(), subject, "x", null, Draft.NORMAL, false, null, List.of(), null, null,
                List.of(DraftAttachment.message(his, "vol.eml", 10)))))))
                .containsExactly("compose.error.attachment-missing");
        Upload mine = uploads.stage(antoine.id(), "a.txt", "text/plain", new ByteArrayInputStream(new byte[] {'a'}));
        assertThatThrownBy(() -> uploads.get(lea.id(), mine.id())).isInstanceOf(ComposeException.class);
        uploads.discard(lea.id(), mine.id());
        assertThat(uploads.get(antoine.id(), mine.id()).filename()).isEqualTo("a.txt");
        assertThat(messages.get(antoine.id(), his).id()).isEqualTo(his);
    }
}
