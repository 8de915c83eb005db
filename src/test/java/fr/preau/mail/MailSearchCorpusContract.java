package fr.preau.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Account;
import fr.preau.testsupport.CorpusMessages;
import fr.preau.testsupport.DatabaseContract;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message of the shared MIME corpus, malformed ones included, is indexed as the store
 * takes it: one document per message, none given up on, the whole backlog applied and
 * committed, and every one of them listed by a search of the folder.
 */
abstract class MailSearchCorpusContract extends DatabaseContract {

    @TempDir
    Path directory;

    @Test
    void everyCorpusMessageIsIndexed() {
        try (MailServices mail = MailServices.withSearch(db, directory.resolve("index/mail"))) {
            Account agent = mail.agent("Corpus", "Indexeur");
            mail.quotas().setAccountQuota("test", agent.id(), 100_000);
            long inbox = mail.folders().byRole(agent.id(), FolderRole.INBOX).id();
            List<CorpusMessages.Message> corpus = CorpusMessages.all();
            assertThat(corpus).hasSizeGreaterThan(200);
            for (CorpusMessages.Message m : corpus) {
                mail.messages().append(agent.id(), inbox, new ByteArrayInputStream(m.bytes()), MessageFlags.none(), null);
            }
            mail.searchIndex().commit();

            assertThat(mail.searchIndex().size()).as("one document per stored message").isEqualTo(corpus.size());
            assertThat(mail.backlog().size()).as("every entry applied and committed").isZero();
            MessagePage all = mail.search().search(agent.id(), SearchQuery.builder().folder(inbox).build(),
                    ListOrder.newestFirst(), 0, 500);
            assertThat(all.total()).isEqualTo(corpus.size());
            assertThat(all.messages()).hasSize(Math.min(500, corpus.size()));
        }
    }
}
