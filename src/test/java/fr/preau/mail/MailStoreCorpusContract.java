package fr.preau.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Account;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MessageStructure;
import fr.preau.mail.mime.MimePart;
import fr.preau.testsupport.CorpusMessages;
import fr.preau.testsupport.DatabaseContract;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every message of the shared MIME corpus, malformed ones included, goes into the store and
 * comes back: the same bytes, a structure, every section and every attachment readable.
 */
abstract class MailStoreCorpusContract extends DatabaseContract {

    @Test
    void everyCorpusMessageIsStoredWholeAndReadable() throws Exception {
        MailServices mail = MailServices.on(db);
        Account agent = mail.agent("Corpus", "Lecteur");
        mail.quotas().setAccountQuota("test", agent.id(), 100_000);
        long inbox = mail.folders().byRole(agent.id(), FolderRole.INBOX).id();
        List<CorpusMessages.Message> corpus = CorpusMessages.all();
        assertThat(corpus).hasSizeGreaterThan(200);
        SoftAssertions softly = new SoftAssertions();
        for (CorpusMessages.Message m : corpus) {
            AppendResult stored = mail.messages().append(agent.id(), inbox, new ByteArrayInputStream(m.bytes()),
                    MessageFlags.none(), null);
            try (InputStream in = mail.messages().openRaw(agent.id(), stored.messageId())) {
                softly.assertThat(in.readAllBytes()).as(m.name()).isEqualTo(m.bytes());
            }
            MessageStructure structure = mail.messages().structure(agent.id(), stored.messageId());
            softly.assertThat(structure.body()).as(m.name()).isNotNull();
            try (InputStream header = mail.messages().openSection(agent.id(), stored.messageId(), "HEADER")) {
                header.readAllBytes();
            }
            for (MimePart part : structure.body().flatten()) {
                if (part.path().equals("TEXT") || part.path().endsWith(".TEXT")) {
                    continue;
                }
                try (InputStream in = mail.messages().openSection(agent.id(), stored.messageId(), part.path())) {
                    byte[] bytes = in.readAllBytes();
                    if (!part.isMultipart() && !part.isMessage()) {
                        softly.assertThat(bytes.length).as(m.name() + " part " + part.path()).isEqualTo((int) part.size());
                    }
                }
            }
            for (Attachment a : structure.attachments()) {
                try (InputStream in = mail.messages().openDecoded(agent.id(), stored.messageId(), a.path(), a.tnefIndex())) {
                    softly.assertThat((long) in.readAllBytes().length).as(m.name() + " " + a.filename()).isEqualTo(a.size());
                }
            }
            MessageSummary summary = mail.messages().get(agent.id(), stored.messageId());
            softly.assertThat(summary.size()).as(m.name()).isEqualTo(m.bytes().length);
        }
        softly.assertAll();
        assertThat(mail.folders().get(agent.id(), inbox).messages()).isEqualTo(corpus.size());
    }
}
