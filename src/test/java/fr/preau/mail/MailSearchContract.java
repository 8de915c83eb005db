package fr.preau.mail;

import static fr.preau.mail.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.identity.Account;
import fr.preau.mail.internal.MimeAnalyzer;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.platform.BlobStore;
import fr.preau.testsupport.DatabaseContract;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search through the store's own services, with the server's index (on a directory of the
 * test's) as the store's index trigger, on each database: what an append, a delivery, a move,
 * a flag change or a removal did is found (or no longer found) as soon as the call returns —
 * no test here waits — and one account never sees another's mail.
 */
abstract class MailSearchContract extends DatabaseContract {

    @TempDir
    Path directory;

    MailServices mail;
    Account camille;
    Account thomas;

    @BeforeEach
    void setUp() {
        mail = MailServices.withSearch(db, directory.resolve("index/mail"));
        camille = mail.agent("Camille", "Martin");
        thomas = mail.agent("Thomas", "Bernard");
    }

    @AfterEach
    void tearDown() {
        mail.close();
    }

    long inbox(Account a) {
        return mail.folders().byRole(a.id(), FolderRole.INBOX).id();
    }

    AppendResult append(Account a, long folder, String message) {
        return mail.messages().append(a.id(), folder, stream(message), MessageFlags.none(), null);
    }

    /** The ids found for the account, newest first. */
    List<Long> found(Account a, SearchQuery query) {
        return mail.search().search(a.id(), query, ListOrder.newestFirst(), 0, 100).messages().stream()
                .map(MessageSummary::id).toList();
    }

    List<Long> text(Account a, String text) {
        return found(a, SearchQuery.text(text));
    }

    static String message(String from, String subject, String date, String body) {
        return "From: " + from + "\r\nTo: Camille Martin <camille.martin@ac-dijon.fr>\r\nSubject: " + subject
                + "\r\nDate: " + date + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
    }

    /** From Jean Dupont, with a PDF and a text attachment. */
    static final String WITH_ATTACHMENTS = """
            From: Jean Dupont <jean.dupont@ac-dijon.fr>\r
            To: Camille Martin <camille.martin@ac-dijon.fr>\r
            Cc: Direction <direction.carnot@ac-dijon.fr>\r
            Subject: =?UTF-8?Q?R=C3=A9union_de_rentr=C3=A9e?=\r
            Date: Tue, 1 Sep 2026 10:00:00 +0200\r
            Message-ID: <rentree-2026@ac-dijon.fr>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Le conseil pédagogique se tiendra jeudi au réfectoire.\r
            --b1\r
            Content-Type: application/pdf; name="Compte-rendu_Trimestriel.pdf"\r
            Content-Disposition: attachment; filename="Compte-rendu_Trimestriel.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK\r
            --b1\r
            Content-Type: text/plain; charset=UTF-8; name="menu.txt"\r
            Content-Disposition: attachment; filename="menu.txt"\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Menu de la cantine : gratin dauphinois et clafoutis.\r
            --b1--\r
            """;

    // ---- what is found

    @Test
    void everyPartOfAMessageIsFoundRightAfterTheAppendWhateverTheCaseAndAccents() {
        long id = append(camille, inbox(camille), WITH_ATTACHMENTS).messageId();
        append(camille, inbox(camille), message("autre@example.org", "Sans rapport", "Wed, 2 Sep 2026 10:00:00 +0200",
                "Rien à voir."));

        assertThat(text(camille, "reunion")).as("subject, without accents").containsExactly(id);
        assertThat(text(camille, "RENTRÉE")).as("subject, upper case with accents").containsExactly(id);
        assertThat(text(camille, "Pedagogique REFECTOIRE")).as("body words").containsExactly(id);
        assertThat(text(camille, "trimestriel")).as("a word of an attachment's name").containsExactly(id);
        assertThat(text(camille, "clafoutis")).as("a word of a text attachment").containsExactly(id);
        assertThat(text(camille, "dupont")).as("the sender").containsExactly(id);
        assertThat(text(camille, "conseils")).as("a plural finds the singular").containsExactly(id);
        assertThat(text(camille, "rapport")).doesNotContain(id).hasSize(1);

        assertThat(found(camille, SearchQuery.builder().from("jean.dupont@ac-dijon.fr").build())).containsExactly(id);
        assertThat(found(camille, SearchQuery.builder().from("camille").build())).isEmpty();
        assertThat(found(camille, SearchQuery.builder().to("direction").build())).as("Cc counts as To").containsExactly(id);
        assertThat(found(camille, SearchQuery.builder().subject("pedagogique").build())).isEmpty();
        assertThat(found(camille, SearchQuery.builder().body("pédagogique").build())).containsExactly(id);
        assertThat(found(camille, SearchQuery.builder().attachmentName("compte rendu").build())).containsExactly(id);
        assertThat(found(camille, SearchQuery.builder().attachmentName("menu").hasAttachment(true).build()))
                .containsExactly(id);
        assertThat(found(camille, SearchQuery.builder().hasAttachment(false).build())).hasSize(1).doesNotContain(id);
        assertThat(text(camille, "\"conseil pedagogique\" -cantine")).as("a phrase, a word excluded").isEmpty();
        assertThat(text(camille, "\"conseil pedagogique\"")).containsExactly(id);
        assertThat(text(camille, "reunion mardi")).as("every word must be there").isEmpty();
    }

    @Test
    void aDeliveredMessageIsFoundByEachRecipientInItsOwnCopy() {
        BlobStore.Blob blob = mail.delivery().store(new ByteArrayInputStream(message("Proviseur <proviseur@ac-dijon.fr>",
                "Sortie au musée", "Thu, 3 Sep 2026 08:00:00 +0200", "Départ à 8 h devant le portail.")
                .getBytes(StandardCharsets.UTF_8)));
        List<DeliveryOutcome> outcomes = mail.delivery().deliver(blob,
                List.of(new LocalRecipient(camille.id(), FolderRole.INBOX), new LocalRecipient(thomas.id(), FolderRole.JUNK)),
                Instant.parse("2026-09-03T06:00:01Z"));
        long camilles = ((DeliveryOutcome.Delivered) outcomes.get(0)).stored().messageId();
        long thomass = ((DeliveryOutcome.Delivered) outcomes.get(1)).stored().messageId();

        assertThat(text(camille, "musee portail")).containsExactly(camilles);
        assertThat(text(thomas, "musee portail")).containsExactly(thomass);
        long junk = mail.folders().byRole(thomas.id(), FolderRole.JUNK).id();
        assertThat(found(thomas, SearchQuery.builder().text("musee").folder(junk).build())).containsExactly(thomass);
        assertThat(found(thomas, SearchQuery.builder().text("musee").folder(inbox(thomas)).build())).isEmpty();
    }

    @Test
    void aFolderOrAllFoldersAndTheFolderFilterFollowsMovesAndCopies() {
        Folder projets = mail.folders().create(camille.id(), null, "Projets");
        long a = append(camille, inbox(camille), message("a@example.org", "Voyage scolaire", "Tue, 1 Sep 2026 10:00:00 +0200", "Londres")).messageId();
        long b = append(camille, projets.id(), message("b@example.org", "Voyage à Rome", "Wed, 2 Sep 2026 10:00:00 +0200", "Italie")).messageId();
        SearchQuery inInbox = SearchQuery.builder().text("voyage").folder(inbox(camille)).build();
        SearchQuery inProjets = SearchQuery.builder().text("voyage").folder(projets.id()).build();

        assertThat(found(camille, inInbox)).containsExactly(a);
        assertThat(found(camille, inProjets)).containsExactly(b);
        assertThat(text(camille, "voyage")).containsExactly(b, a);

        mail.messages().move(camille.id(), List.of(a), projets.id());
        assertThat(found(camille, inInbox)).isEmpty();
        assertThat(found(camille, inProjets)).containsExactlyInAnyOrder(a, b);

        List<AppendResult> copies = mail.messages().copy(camille.id(), List.of(b), inbox(camille));
        assertThat(found(camille, inInbox)).containsExactly(copies.get(0).messageId());
        assertThat(text(camille, "rome italie")).containsExactlyInAnyOrder(b, copies.get(0).messageId());
    }

    @Test
    void flagAndKeywordChangesAreSearchableAtOnce() {
        long inbox = inbox(camille);
        long a = append(camille, inbox, message("a@example.org", "Bulletin A", "Tue, 1 Sep 2026 10:00:00 +0200", "notes")).messageId();
        long b = append(camille, inbox, message("b@example.org", "Bulletin B", "Wed, 2 Sep 2026 10:00:00 +0200", "notes")).messageId();
        SearchQuery unseen = SearchQuery.builder().text("bulletin").seen(false).build();
        assertThat(found(camille, unseen)).containsExactly(b, a);

        mail.messages().changeFlags(camille.id(), List.of(a), FlagChange.add(Flag.SEEN));
        assertThat(found(camille, unseen)).containsExactly(b);
        assertThat(found(camille, SearchQuery.builder().text("bulletin").seen(true).build())).containsExactly(a);

        mail.messages().changeFlags(camille.id(), List.of(b),
                new FlagChange(FlagChange.Mode.ADD, Set.of(Flag.FLAGGED, Flag.ANSWERED), Set.of("Conseil")));
        assertThat(found(camille, SearchQuery.builder().flagged(true).build())).containsExactly(b);
        assertThat(found(camille, SearchQuery.builder().answered(true).seen(false).build())).containsExactly(b);
        assertThat(found(camille, SearchQuery.builder().keyword("conseil").build())).containsExactly(b);
        assertThat(found(camille, SearchQuery.builder().flagged(false).build())).containsExactly(a);

        mail.messages().changeFlags(camille.id(), List.of(b), FlagChange.remove(Flag.FLAGGED));
        assertThat(found(camille, SearchQuery.builder().flagged(true).build())).isEmpty();
        assertThat(found(camille, SearchQuery.builder().draft(true).build())).isEmpty();
    }

    @Test
    void expungedDeletedAndFolderDeletedMessagesAreNoLongerInTheIndex() {
        long inbox = inbox(camille);
        Folder projets = mail.folders().create(camille.id(), null, "Projets");
        Folder sub = mail.folders().create(camille.id(), projets.id(), "2026");
        long expunged = append(camille, inbox, message("a@example.org", "Cantine 1", "Tue, 1 Sep 2026 10:00:00 +0200", "x")).messageId();
        long deleted = append(camille, inbox, message("a@example.org", "Cantine 2", "Tue, 1 Sep 2026 11:00:00 +0200", "x")).messageId();
        long inSub = append(camille, sub.id(), message("a@example.org", "Cantine 3", "Tue, 1 Sep 2026 12:00:00 +0200", "x")).messageId();
        long kept = append(camille, inbox, message("a@example.org", "Cantine 4", "Tue, 1 Sep 2026 13:00:00 +0200", "x")).messageId();
        assertThat(text(camille, "cantine")).containsExactly(kept, inSub, deleted, expunged);

        mail.messages().changeFlags(camille.id(), List.of(expunged), FlagChange.add(Flag.DELETED));
        assertThat(found(camille, SearchQuery.builder().deleted(true).build())).containsExactly(expunged);
        mail.messages().expunge(camille.id(), inbox);
        assertThat(text(camille, "cantine")).containsExactly(kept, inSub, deleted);

        mail.messages().deletePermanently(camille.id(), List.of(deleted));
        assertThat(text(camille, "cantine")).containsExactly(kept, inSub);

        mail.folders().delete(camille.id(), projets.id());
        MessagePage page = mail.search().search(camille.id(), SearchQuery.text("cantine"), ListOrder.newestFirst(), 0, 10);
        assertThat(page.messages()).extracting(MessageSummary::id).containsExactly(kept);
        assertThat(page.total()).as("the index itself dropped them").isEqualTo(1);
        assertThat(mail.searchIndex().size()).isEqualTo(1);
    }

    // ---- isolation

    @Test
    void anotherAccountsMailNeverAppears() {
        long mine = append(camille, inbox(camille), message("a@example.org", "Confidentiel", "Tue, 1 Sep 2026 10:00:00 +0200",
                "Dossier médical")).messageId();
        append(thomas, inbox(thomas), message("b@example.org", "Autre chose", "Tue, 1 Sep 2026 10:00:00 +0200", "rien"));

        MessagePage theirs = mail.search().search(thomas.id(), SearchQuery.text("confidentiel"), ListOrder.newestFirst(), 0, 10);
        assertThat(theirs.messages()).isEmpty();
        assertThat(theirs.total()).isZero();
        assertThat(found(thomas, SearchQuery.builder().build())).hasSize(1).doesNotContain(mine);
        assertThatThrownBy(() -> found(thomas, SearchQuery.builder().text("confidentiel").folder(inbox(camille)).build()))
                .as("a guessed folder of another account").isInstanceOf(NoSuchFolderException.class);
        assertThatThrownBy(() -> found(camille, SearchQuery.builder().folder(999_999L).build()))
                .isInstanceOf(NoSuchFolderException.class);
        assertThat(mail.search().searchBestFirst(thomas.id(), SearchQuery.quick("conf"), 0, 10).messages()).isEmpty();
    }

    @Test
    void hitsWhoseRowIsGoneOrOfAnotherAccountAreLeftOut() {
        long moved = append(camille, inbox(camille), message("a@example.org", "Inventaire", "Tue, 1 Sep 2026 10:00:00 +0200", "x")).messageId();
        long gone = append(camille, inbox(camille), message("a@example.org", "Inventaire", "Tue, 1 Sep 2026 11:00:00 +0200", "x")).messageId();
        long kept = append(camille, inbox(camille), message("a@example.org", "Inventaire", "Tue, 1 Sep 2026 12:00:00 +0200", "x")).messageId();
        // behind the store's back: the index has not heard of either change
        db.jdbc().sql("update message set account_id = ? where id = ?").params(thomas.id(), moved).update();
        db.jdbc().sql("delete from message where id = ?").param(gone).update();

        MessagePage page = mail.search().search(camille.id(), SearchQuery.text("inventaire"), ListOrder.newestFirst(), 0, 10);
        assertThat(page.messages()).extracting(MessageSummary::id).containsExactly(kept);
        assertThat(page.total()).as("the index's count").isEqualTo(3);
        assertThat(text(thomas, "inventaire")).isEmpty();
    }

    // ---- order, pages, filters

    @Test
    void pagesKeepTheIndexOrderAndItsTotal() {
        long inbox = inbox(camille);
        long charlie = append(camille, inbox, message("c@example.org", "charlie classe", "Tue, 1 Sep 2026 10:00:00 +0200", "classe " + "x".repeat(300))).messageId();
        long alpha = append(camille, inbox, message("a@example.org", "Alpha classe", "Fri, 4 Sep 2026 10:00:00 +0200", "classes")).messageId();
        long delta = append(camille, inbox, message("d@example.org", "Re: délta classe", "Wed, 2 Sep 2026 10:00:00 +0200", "classe " + "x".repeat(100))).messageId();
        long bravo = append(camille, inbox, message("b@example.org", "bravo classe", "Thu, 3 Sep 2026 10:00:00 +0200", "classe")).messageId();
        SearchQuery all = SearchQuery.text("classe");

        MessagePage bySubject = mail.search().search(camille.id(), all, new ListOrder(ListOrder.Field.SUBJECT, false), 1, 2);
        assertThat(bySubject.messages()).extracting(MessageSummary::id).containsExactly(bravo, charlie);
        assertThat(bySubject.total()).isEqualTo(4);
        assertThat(bySubject.offset()).isEqualTo(1);
        assertThat(bySubject.hasMore()).isTrue();
        assertThat(mail.search().search(camille.id(), all, ListOrder.newestFirst(), 0, 10).messages())
                .extracting(MessageSummary::id).containsExactly(alpha, bravo, delta, charlie);
        assertThat(mail.search().search(camille.id(), all, new ListOrder(ListOrder.Field.DATE, false), 3, 10).messages())
                .extracting(MessageSummary::id).containsExactly(alpha);
        assertThat(mail.search().search(camille.id(), all, new ListOrder(ListOrder.Field.SIZE, true), 0, 10).messages())
                .extracting(MessageSummary::id).containsExactly(charlie, delta, alpha, bravo);
        assertThat(mail.search().search(camille.id(), all, new ListOrder(ListOrder.Field.FROM, true), 0, 2).messages())
                .extracting(MessageSummary::id).containsExactly(delta, charlie);

        MessagePage best = mail.search().searchBestFirst(camille.id(), SearchQuery.builder().body("classe").build(), 0, 10);
        assertThat(best.messages()).extracting(MessageSummary::id).as("exact words before plurals")
                .endsWith(alpha).hasSize(4);
        assertThat(mail.search().search(camille.id(), all, ListOrder.newestFirst(), 4, 10).messages()).isEmpty();
    }

    @Test
    void quickSearchDatesAndSizes() {
        long inbox = inbox(camille);
        long sept = append(camille, inbox, message("a@example.org", "Rentrée des classes", "Tue, 1 Sep 2026 23:30:00 +0200", "x")).messageId();
        long oct = append(camille, inbox, message("a@example.org", "Rentrée d'octobre", "Thu, 1 Oct 2026 00:30:00 +0200", "x".repeat(2000))).messageId();

        assertThat(found(camille, SearchQuery.quick("rentr"))).containsExactly(oct, sept);
        assertThat(found(camille, SearchQuery.quick("octo"))).containsExactly(oct);
        assertThat(found(camille, SearchQuery.text("octo"))).as("whole words only without the quick search").isEmpty();
        assertThat(found(camille, SearchQuery.quick("l"))).as("one letter is no prefix").isEmpty();

        assertThat(found(camille, SearchQuery.builder().on(LocalDate.of(2026, 9, 1)).build())).containsExactly(sept);
        assertThat(found(camille, SearchQuery.builder().since(LocalDate.of(2026, 9, 2)).build())).containsExactly(oct);
        assertThat(found(camille, SearchQuery.builder().until(LocalDate.of(2026, 9, 30)).build())).containsExactly(sept);
        assertThat(found(camille, SearchQuery.builder().text("rentree").since(LocalDate.of(2026, 9, 1))
                .until(LocalDate.of(2026, 10, 1)).build())).containsExactly(oct, sept);
        assertThat(found(camille, SearchQuery.builder().minSize(1500L).build())).containsExactly(oct);
        assertThat(found(camille, SearchQuery.builder().maxSize(1500L).build())).containsExactly(sept);
    }

    @Test
    void theQuotaWarningIsSearchableWhenTheAppendThatCausedItReturns() {
        mail.quotas().setAccountQuota("test", camille.id(), 1);
        append(camille, inbox(camille), message("a@example.org", "Gros fichier", "Tue, 1 Sep 2026 10:00:00 +0200",
                "y".repeat(960_000)));
        assertThat(mail.search().search(camille.id(), SearchQuery.builder().text("quota").folder(inbox(camille)).build(),
                ListOrder.newestFirst(), 0, 10).messages()).singleElement()
                .satisfies(s -> assertThat(s.subject()).contains("%"));
    }

    // ---- failures and restarts

    @Test
    void aBrokenIndexNeverFailsTheStoreAndTheNextStartAppliesWhatItMissed() throws Exception {
        long before = append(camille, inbox(camille), message("a@example.org", "Avant la panne", "Tue, 1 Sep 2026 10:00:00 +0200", "x")).messageId();
        mail.searchIndex().close();

        AppendResult during = append(camille, inbox(camille), message("a@example.org", "Pendant la panne",
                "Tue, 1 Sep 2026 11:00:00 +0200", "x"));
        mail.messages().changeFlags(camille.id(), List.of(before), FlagChange.add(Flag.FLAGGED));
        assertThat(mail.messages().get(camille.id(), during.messageId()).subject()).isEqualTo("Pendant la panne");
        assertThat(mail.backlog().size()).as("kept for the next start").isGreaterThanOrEqualTo(2);

        try (MailServices restarted = MailServices.on(mail.identity(), new MimeAnalyzer(new MimeParser()),
                mail.blobDirectory(), directory.resolve("index/mail"), MailServices.SEARCH_SETTINGS)) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            List<Long> hits;
            do {
                Thread.sleep(50);
                hits = restarted.search().search(camille.id(), SearchQuery.text("panne"), ListOrder.newestFirst(), 0, 10)
                        .messages().stream().map(MessageSummary::id).toList();
            } while (hits.size() < 2 && System.nanoTime() < deadline);
            assertThat(hits).containsExactly(during.messageId(), before);
            assertThat(restarted.search().search(camille.id(), SearchQuery.builder().flagged(true).build(),
                    ListOrder.newestFirst(), 0, 10).messages()).extracting(MessageSummary::id).containsExactly(before);
        }
    }

    @Test
    void withoutAnIndexSearchIsRefusedAndTheStoreLeavesItsBacklog() {
        mail.close(); // its indexer would apply the row this test looks for
        MailServices cli = MailServices.on(mail.identity(), new MimeAnalyzer(new MimeParser()));
        Account agent = cli.agent("Hélène", "Colin");
        cli.messages().append(agent.id(), cli.folders().byRole(agent.id(), FolderRole.INBOX).id(),
                stream(message("a@example.org", "Hors serveur", "Tue, 1 Sep 2026 10:00:00 +0200", "x")), MessageFlags.none(), null);
        assertThat(cli.search().available()).isFalse();
        assertThatThrownBy(() -> cli.search().search(agent.id(), SearchQuery.text("serveur"), ListOrder.newestFirst(), 0, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("server");
        assertThat(cli.backlog().next(10)).singleElement().satisfies(e -> assertThat(e.op().name()).isEqualTo("INDEX"));
    }
}
