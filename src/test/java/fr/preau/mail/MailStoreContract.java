package fr.preau.mail;

import static fr.preau.mail.Messages.reply;
import static fr.preau.mail.Messages.simple;
import static fr.preau.mail.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.identity.Account;
import fr.preau.platform.UserError;
import fr.preau.testsupport.DatabaseContract;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mail store's folders and messages, on each database. */
abstract class MailStoreContract extends DatabaseContract {

    MailServices mail;
    Account camille;
    Account thomas;

    @BeforeEach
    void setUp() {
        mail = MailServices.on(db);
        camille = mail.agent("Camille", "Martin");
        thomas = mail.agent("Thomas", "Bernard");
    }

    long inbox(Account a) {
        return mail.folders().byRole(a.id(), FolderRole.INBOX).id();
    }

    AppendResult append(Account a, long folder, String message) {
        return mail.messages().append(a.id(), folder, stream(message), MessageFlags.none(), null);
    }

    // ---- folders

    @Test
    void everyAccountHasTheSixRoleFoldersInOrder() {
        List<Folder> folders = mail.folders().list(camille.id());
        assertThat(folders).extracting(Folder::name).containsExactly("INBOX", "Drafts", "Sent", "Archive", "Junk", "Trash");
        assertThat(folders).extracting(Folder::role).containsExactly(FolderRole.values());
        assertThat(folders).allSatisfy(f -> {
            assertThat(f.uidNext()).isEqualTo(1);
            assertThat(f.uidValidity()).isPositive();
            assertThat(f.messages()).isZero();
        });
        assertThat(mail.folders().list(camille.id())).hasSize(6);
        assertThat(mail.folders().byName(camille.id(), "inbox")).map(Folder::role).hasValue(FolderRole.INBOX);
    }

    @Test
    void userFoldersFormATreeAfterTheRoleFolders() {
        Folder projets = mail.folders().create(camille.id(), null, "Projets");
        Folder y2026 = mail.folders().create(camille.id(), projets.id(), "2026");
        mail.folders().create(camille.id(), null, "Administration");
        Folder sub = mail.folders().createPath(camille.id(), "Projets/2026/Conseil de classe");
        assertThat(sub.name()).isEqualTo("Projets/2026/Conseil de classe");
        assertThat(sub.parentId()).isEqualTo(y2026.id());
        assertThat(sub.leafName()).isEqualTo("Conseil de classe");
        assertThat(sub.depth()).isEqualTo(2);
        assertThat(mail.folders().list(camille.id())).extracting(Folder::name).containsExactly(
                "INBOX", "Drafts", "Sent", "Archive", "Junk", "Trash",
                "Administration", "Projets", "Projets/2026", "Projets/2026/Conseil de classe");
    }

    @Test
    void folderNamesAreChecked() {
        assertThatThrownBy(() -> mail.folders().create(camille.id(), null, "  ")).isInstanceOf(UserError.class)
                .extracting("key").isEqualTo("mail.error.folder-name-empty");
        assertThatThrownBy(() -> mail.folders().create(camille.id(), null, "a/b")).extracting("key")
                .isEqualTo("mail.error.folder-name-character");
        assertThatThrownBy(() -> mail.folders().create(camille.id(), null, "x".repeat(101))).extracting("key")
                .isEqualTo("mail.error.folder-name-too-long");
        assertThatThrownBy(() -> mail.folders().create(camille.id(), null, "inbox")).extracting("key")
                .isEqualTo("mail.error.folder-exists");
        mail.folders().create(camille.id(), null, "Projets");
        assertThatThrownBy(() -> mail.folders().create(camille.id(), null, "projets")).extracting("key")
                .isEqualTo("mail.error.folder-exists");
        assertThat(mail.folders().create(camille.id(), null, "Réunions").name()).isEqualTo("Réunions");
    }

    @Test
    void renamingMovesTheSubtree() {
        Folder projets = mail.folders().create(camille.id(), null, "Projets");
        Folder y2026 = mail.folders().create(camille.id(), projets.id(), "2026");
        mail.folders().create(camille.id(), y2026.id(), "Juin");
        Folder archive = mail.folders().byRole(camille.id(), FolderRole.ARCHIVE);
        Folder moved = mail.folders().rename(camille.id(), projets.id(), archive.id(), "Anciens projets");
        assertThat(moved.name()).isEqualTo("Archive/Anciens projets");
        assertThat(mail.folders().list(camille.id())).extracting(Folder::name)
                .contains("Archive/Anciens projets", "Archive/Anciens projets/2026", "Archive/Anciens projets/2026/Juin")
                .doesNotContain("Projets");
        assertThat(mail.folders().get(camille.id(), y2026.id()).parentId()).isEqualTo(projets.id());
        assertThatThrownBy(() -> mail.folders().rename(camille.id(), projets.id(), y2026.id(), "Boucle"))
                .extracting("key").isEqualTo("mail.error.folder-into-itself");
        assertThatThrownBy(() -> mail.folders().rename(camille.id(), archive.id(), null, "Autre"))
                .extracting("key").isEqualTo("mail.error.folder-protected");
    }

    @Test
    void deletingAFolderDeletesItsSubfoldersAndMessages() {
        Folder projets = mail.folders().create(camille.id(), null, "Projets");
        Folder sub = mail.folders().create(camille.id(), projets.id(), "2026");
        append(camille, sub.id(), simple("a@example.org", "c@ac-dijon.fr", "Hello", "m1@x", "x"));
        mail.folders().delete(camille.id(), projets.id());
        assertThat(mail.folders().list(camille.id())).hasSize(6);
        assertThat(db.count("message")).isZero();
        assertThat(mail.quotas().usage(camille.id()).usedBytes()).isZero();
        assertThatThrownBy(() -> mail.folders().delete(camille.id(), inbox(camille)))
                .extracting("key").isEqualTo("mail.error.folder-protected");
    }

    @Test
    void aRecreatedFolderHasANewUidValidity() {
        Folder first = mail.folders().create(camille.id(), null, "Temp");
        mail.folders().delete(camille.id(), first.id());
        Folder second = mail.folders().create(camille.id(), null, "Temp");
        assertThat(second.uidValidity()).isNotEqualTo(first.uidValidity());
    }

    // ---- append and read

    @Test
    void appendAssignsUidsModseqsAndCounters() throws Exception {
        long inbox = inbox(camille);
        long modseq = mail.folders().get(camille.id(), inbox).highestModseq();
        String raw = simple("Jean Dupont <jean.dupont@ac-dijon.fr>", "Camille <camille.martin@ac-dijon.fr>",
                "=?UTF-8?Q?R=C3=A9union_de_rentr=C3=A9e?=", "m1@ac-dijon.fr", "Bonjour");
        AppendResult first = append(camille, inbox, raw);
        AppendResult second = mail.messages().append(camille.id(), inbox, stream(raw), MessageFlags.of(Flag.SEEN),
                Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(first.uid()).isEqualTo(1);
        assertThat(second.uid()).isEqualTo(2);
        assertThat(first.modseq()).isGreaterThan(modseq);
        assertThat(second.modseq()).isGreaterThan(first.modseq());
        Folder folder = mail.folders().get(camille.id(), inbox);
        assertThat(folder.messages()).isEqualTo(2);
        assertThat(folder.unseen()).isEqualTo(1);
        assertThat(folder.uidNext()).isEqualTo(3);
        assertThat(folder.size()).isEqualTo(2L * raw.getBytes(StandardCharsets.UTF_8).length);
        MessageSummary summary = mail.messages().get(camille.id(), first.messageId());
        assertThat(summary.subject()).isEqualTo("Réunion de rentrée");
        assertThat(summary.from()).isEqualTo(new MailAddress("Jean Dupont", "jean.dupont@ac-dijon.fr"));
        assertThat(summary.to()).containsExactly(new MailAddress("Camille", "camille.martin@ac-dijon.fr"));
        assertThat(summary.sentDate()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(mail.messages().get(camille.id(), second.messageId()).internalDate()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        try (InputStream in = mail.messages().openRaw(camille.id(), first.messageId())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(raw);
        }
        assertThat(db.count("blob")).as("identical bytes stored once").isEqualTo(1);
        assertThat(mail.backlog().size()).isEqualTo(2);
    }

    @Test
    void anotherAccountsFoldersAndMessagesDoNotExist() {
        AppendResult mine = append(camille, inbox(camille), simple("a@example.org", "c@ac-dijon.fr", "Secret", "s@x", "x"));
        long myInbox = inbox(camille);
        long other = thomas.id();
        assertThatThrownBy(() -> mail.messages().get(other, mine.messageId())).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> mail.messages().openRaw(other, mine.messageId())).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> mail.messages().structureJson(other, mine.messageId())).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> mail.folders().get(other, myInbox)).isInstanceOf(NoSuchFolderException.class);
        assertThatThrownBy(() -> mail.messages().list(other, myInbox, ListOrder.newestFirst(), 0, 50))
                .isInstanceOf(NoSuchFolderException.class);
        assertThatThrownBy(() -> append(thomas, myInbox, simple("a@x", "b@x", "s", "z@x", "x")))
                .isInstanceOf(NoSuchFolderException.class);
        assertThatThrownBy(() -> mail.messages().move(other, List.of(mine.messageId()), myInbox))
                .isInstanceOf(NoSuchFolderException.class);
        assertThat(mail.messages().move(other, List.of(mine.messageId()), inbox(thomas))).isEmpty();
        assertThat(mail.messages().copy(other, List.of(mine.messageId()), inbox(thomas))).isEmpty();
        assertThat(mail.messages().changeFlags(other, List.of(mine.messageId()), FlagChange.add(Flag.DELETED))).isEmpty();
        assertThat(mail.messages().deletePermanently(other, List.of(mine.messageId()))).isZero();
        assertThatThrownBy(() -> mail.folders().rename(other, myInbox, null, "x")).isInstanceOf(NoSuchFolderException.class);
        assertThatThrownBy(() -> mail.folders().delete(other, myInbox)).isInstanceOf(NoSuchFolderException.class);
        MessageSummary still = mail.messages().get(camille.id(), mine.messageId());
        assertThat(still.folderId()).isEqualTo(myInbox);
        assertThat(still.flags().flags()).isEmpty();
    }

    @Test
    void listsSortAndPage() {
        long inbox = inbox(camille);
        String[] subjects = {"Charlie", "alpha", "Bravo", "delta"};
        for (int i = 0; i < subjects.length; i++) {
            String raw = "From: " + (char) ('z' - i) + "@example.org\r\nSubject: " + subjects[i]
                    + "\r\nDate: Tue, " + (i + 1) + " Dec 2026 10:00:00 +0000\r\n\r\n" + "x".repeat(10 * (i + 1)) + "\r\n";
            append(camille, inbox, raw);
        }
        assertThat(mail.messages().list(camille.id(), inbox, ListOrder.newestFirst(), 0, 10).messages())
                .extracting(MessageSummary::subject).containsExactly("delta", "Bravo", "alpha", "Charlie");
        assertThat(mail.messages().list(camille.id(), inbox, new ListOrder(ListOrder.Field.SUBJECT, false), 0, 10).messages())
                .extracting(MessageSummary::subject).containsExactly("alpha", "Bravo", "Charlie", "delta");
        assertThat(mail.messages().list(camille.id(), inbox, new ListOrder(ListOrder.Field.FROM, false), 0, 10).messages())
                .extracting(MessageSummary::subject).containsExactly("delta", "Bravo", "alpha", "Charlie");
        assertThat(mail.messages().list(camille.id(), inbox, new ListOrder(ListOrder.Field.SIZE, true), 0, 10).messages())
                .extracting(MessageSummary::subject).containsExactly("delta", "Bravo", "alpha", "Charlie");
        MessagePage page = mail.messages().list(camille.id(), inbox, ListOrder.newestFirst(), 1, 2);
        assertThat(page.messages()).extracting(MessageSummary::subject).containsExactly("Bravo", "alpha");
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.hasMore()).isTrue();
    }

    // ---- copy, move, flags, expunge

    @Test
    void copyGivesNewUidsAndKeepsTheOriginal() {
        long inbox = inbox(camille);
        Folder archive = mail.folders().byRole(camille.id(), FolderRole.ARCHIVE);
        AppendResult a = append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "A", "a@x", "x"));
        AppendResult b = append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "B", "b@x", "y"));
        List<AppendResult> copies = mail.messages().copy(camille.id(), List.of(b.messageId(), a.messageId()), archive.id());
        assertThat(copies).extracting(AppendResult::uid).containsExactly(1L, 2L);
        assertThat(mail.messages().get(camille.id(), copies.get(0).messageId()).subject()).isEqualTo("A");
        assertThat(mail.folders().get(camille.id(), archive.id()).messages()).isEqualTo(2);
        assertThat(mail.folders().get(camille.id(), inbox).messages()).isEqualTo(2);
        assertThat(mail.quotas().usage(camille.id()).messages()).isEqualTo(4);
    }

    @Test
    void moveKeepsTheIdRecordsTheExpungeAndUpdatesCounters() {
        long inbox = inbox(camille);
        Folder trash = mail.folders().byRole(camille.id(), FolderRole.TRASH);
        AppendResult a = append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "A", "a@x", "x"));
        long before = mail.folders().get(camille.id(), inbox).highestModseq();
        List<AppendResult> moved = mail.messages().move(camille.id(), List.of(a.messageId()), trash.id());
        assertThat(moved).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo(a.messageId());
            assertThat(r.folderId()).isEqualTo(trash.id());
            assertThat(r.uid()).isEqualTo(1);
        });
        Folder inboxAfter = mail.folders().get(camille.id(), inbox);
        assertThat(inboxAfter.messages()).isZero();
        assertThat(inboxAfter.unseen()).isZero();
        assertThat(inboxAfter.size()).isZero();
        assertThat(inboxAfter.highestModseq()).isGreaterThan(before);
        assertThat(mail.folders().get(camille.id(), trash.id()).unseen()).isEqualTo(1);
        assertThat(db.jdbc().sql("select uid from message_expunged where mailbox_id = ?").param(inbox)
                .query(Long.class).list()).containsExactly(1L);
        assertThat(mail.messages().get(camille.id(), a.messageId()).folderId()).isEqualTo(trash.id());
    }

    @Test
    void flagsChangeWithModseqAndUnseenCount() {
        long inbox = inbox(camille);
        AppendResult a = append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "A", "a@x", "x"));
        AppendResult b = append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "B", "b@x", "x"));
        List<MessageSummary> changed = mail.messages().changeFlags(camille.id(), List.of(a.messageId(), b.messageId()),
                new FlagChange(FlagChange.Mode.ADD, Set.of(Flag.SEEN, Flag.FLAGGED), Set.of("$Important")));
        assertThat(changed).hasSize(2).allSatisfy(s -> {
            assertThat(s.flags().flags()).containsExactlyInAnyOrder(Flag.SEEN, Flag.FLAGGED);
            assertThat(s.flags().keywords()).containsExactly("$Important");
            assertThat(s.modseq()).isGreaterThan(b.modseq());
        });
        assertThat(mail.folders().get(camille.id(), inbox).unseen()).isZero();
        mail.messages().changeFlags(camille.id(), List.of(a.messageId()), FlagChange.remove(Flag.SEEN));
        assertThat(mail.folders().get(camille.id(), inbox).unseen()).isEqualTo(1);
        MessageSummary replaced = mail.messages().changeFlags(camille.id(), List.of(b.messageId()),
                new FlagChange(FlagChange.Mode.REPLACE, Set.of(Flag.ANSWERED), Set.of())).get(0);
        assertThat(replaced.flags()).isEqualTo(new MessageFlags(Set.of(Flag.ANSWERED), Set.of()));
        assertThat(mail.messages().get(camille.id(), b.messageId()).flags()).isEqualTo(replaced.flags());
        assertThat(mail.folders().get(camille.id(), inbox).unseen()).isEqualTo(2);
        long modseq = mail.folders().get(camille.id(), inbox).highestModseq();
        mail.messages().changeFlags(camille.id(), List.of(b.messageId()), FlagChange.add(Flag.ANSWERED));
        assertThat(mail.folders().get(camille.id(), inbox).highestModseq()).as("no change, no new modseq").isEqualTo(modseq);
    }

    @Test
    void expungeRemovesOnlyDeletedMessages() {
        long inbox = inbox(camille);
        AppendResult a = append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "A", "a@x", "x"));
        AppendResult b = append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "B", "b@x", "x"));
        append(camille, inbox, simple("a@x.org", "c@ac-dijon.fr", "C", "c@x", "x"));
        mail.messages().changeFlags(camille.id(), List.of(a.messageId(), b.messageId()), FlagChange.add(Flag.DELETED));
        assertThat(mail.messages().expunge(camille.id(), inbox)).containsExactly(1L, 2L);
        assertThat(mail.folders().get(camille.id(), inbox).messages()).isEqualTo(1);
        assertThatThrownBy(() -> mail.messages().get(camille.id(), a.messageId())).isInstanceOf(NoSuchMessageException.class);
        assertThat(mail.messages().expunge(camille.id(), inbox)).isEmpty();
        assertThat(mail.backlog().next(100)).extracting(e -> e.op().name()).contains("DELETE");
    }

    // ---- threads

    @Test
    void repliesJoinTheirConversationWhateverTheOrder() {
        long inbox = inbox(camille);
        AppendResult child = append(camille, inbox, reply("Re: Sortie", "2@x", "1@x", "<1@x>"));
        AppendResult parent = append(camille, inbox, reply("Sortie", "1@x", null, null));
        AppendResult grandchild = append(camille, inbox, reply("RE : Sortie", "3@x", "2@x", "<1@x> <2@x>"));
        AppendResult other = append(camille, inbox, reply("Autre chose", "4@x", null, null));
        long thread = mail.messages().get(camille.id(), child.messageId()).threadId();
        assertThat(mail.messages().get(camille.id(), parent.messageId()).threadId()).isEqualTo(thread);
        assertThat(mail.messages().get(camille.id(), grandchild.messageId()).threadId()).isEqualTo(thread);
        assertThat(mail.messages().get(camille.id(), other.messageId()).threadId()).isNotEqualTo(thread);
    }

    @Test
    void aReplyWithoutReferencesJoinsBySubject() {
        long inbox = inbox(camille);
        AppendResult first = append(camille, inbox, reply("Conseil de classe", "c1@x", null, null));
        AppendResult answer = append(camille, inbox, reply("TR: Conseil de classe", "c2@x", null, null));
        AppendResult unrelated = append(camille, inbox, reply("Conseil de classe", "c3@x", null, null));
        long thread = mail.messages().get(camille.id(), first.messageId()).threadId();
        assertThat(mail.messages().get(camille.id(), answer.messageId()).threadId()).isEqualTo(thread);
        assertThat(mail.messages().get(camille.id(), unrelated.messageId()).threadId())
                .as("not a reply: a conversation of its own").isNotEqualTo(thread);
    }

    // ---- delivery and quotas

    @Test
    void deliveryStoresOneBlobForAllRecipients() {
        var blob = mail.delivery().store(stream(simple("x@example.org", "all@ac-dijon.fr", "Note", "n@x", "texte")));
        List<DeliveryOutcome> outcomes = mail.delivery().deliver(blob, List.of(
                new LocalRecipient(camille.id(), FolderRole.INBOX), new LocalRecipient(thomas.id(), FolderRole.JUNK),
                new LocalRecipient(camille.id(), FolderRole.INBOX)), Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(DeliveryOutcome.Delivered.class));
        assertThat(mail.folders().byRole(camille.id(), FolderRole.INBOX).messages()).isEqualTo(1);
        assertThat(mail.folders().byRole(thomas.id(), FolderRole.JUNK).messages()).isEqualTo(1);
        assertThat(db.count("blob")).isEqualTo(1);
    }

    @Test
    void aFullMailboxRefusesAndTheOthersStillReceive() {
        mail.quotas().setAccountQuota("test", camille.id(), 1);
        String big = simple("x@example.org", "c@ac-dijon.fr", "Big", "big@x", "y".repeat(700_000));
        append(camille, inbox(camille), big);
        assertThatThrownBy(() -> append(camille, inbox(camille), big)).isInstanceOf(OverQuotaException.class)
                .extracting("key").isEqualTo("mail.error.over-quota");
        var blob = mail.delivery().store(stream(big));
        List<DeliveryOutcome> outcomes = mail.delivery().deliver(blob,
                List.of(new LocalRecipient(camille.id(), FolderRole.INBOX), new LocalRecipient(thomas.id(), FolderRole.INBOX)), null);
        assertThat(outcomes.get(0)).isInstanceOf(DeliveryOutcome.OverQuota.class);
        assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(mail.folders().byRole(thomas.id(), FolderRole.INBOX).messages()).isEqualTo(1);
    }

    @Test
    void quotasComeFromTheAccountTheAcademyOrTheProfile() {
        assertThat(mail.quotas().usage(camille.id()).limitMegabytes()).isEqualTo(5000);
        mail.quotas().setAcademyQuota("test", camille.academyId(), 4000, 2000);
        assertThat(mail.quotas().usage(camille.id()).limitMegabytes()).isEqualTo(4000);
        mail.quotas().setAccountQuota("test", camille.id(), 3000);
        assertThat(mail.quotas().usage(camille.id()).limitMegabytes()).isEqualTo(3000);
        mail.quotas().setAccountQuota("test", camille.id(), null);
        assertThat(mail.quotas().usage(camille.id()).limitMegabytes()).isEqualTo(4000);
    }

    @Test
    void anAgentIsWarnedOnceAtNinetyPercent() {
        mail.quotas().setAccountQuota("test", camille.id(), 1);
        long inbox = inbox(camille);
        append(camille, inbox, simple("x@example.org", "c@ac-dijon.fr", "Half", "h@x", "y".repeat(500_000)));
        assertThat(mail.folders().get(camille.id(), inbox).messages()).isEqualTo(1);
        append(camille, inbox, simple("x@example.org", "c@ac-dijon.fr", "More", "m@x", "y".repeat(450_000)));
        List<MessageSummary> list = mail.messages().list(camille.id(), inbox, ListOrder.newestFirst(), 0, 10).messages();
        assertThat(list).extracting(MessageSummary::subject).anyMatch(s -> s.contains("Votre messagerie est remplie à 9"));
        append(camille, inbox, simple("x@example.org", "c@ac-dijon.fr", "Small", "s@x", "y"));
        assertThat(mail.folders().get(camille.id(), inbox).messages()).as("no second warning").isEqualTo(4);
    }

    @Test
    void deletingAnAccountDeletesItsMail() {
        Folder projets = mail.folders().create(camille.id(), null, "Projets");
        mail.folders().create(camille.id(), projets.id(), "Sous-dossier");
        append(camille, inbox(camille), reply("Sortie", "1@x", null, null));
        append(camille, projets.id(), reply("Re: Sortie", "2@x", "1@x", "<1@x>"));
        append(thomas, inbox(thomas), reply("Autre", "3@x", null, null));
        mail.identity().accounts().delete("test", camille.login());
        assertThat(db.jdbc().sql("select count(*) from mailbox where account_id = ?").param(camille.id())
                .query(Integer.class).single()).isZero();
        assertThat(db.count("message")).isEqualTo(1);
        assertThat(mail.folders().list(thomas.id())).hasSize(6);
    }

    // ---- events and concurrency

    @Test
    void changesArePublishedToTheAccountsListeners() {
        List<MailChange> heard = Collections.synchronizedList(new ArrayList<>());
        try (var subscription = mail.events().subscribe(camille.id(), heard::add)) {
            AppendResult a = append(camille, inbox(camille), simple("a@x.org", "c@ac-dijon.fr", "A", "a@x", "x"));
            append(thomas, inbox(thomas), simple("a@x.org", "t@ac-dijon.fr", "T", "t@x", "x"));
            mail.messages().changeFlags(camille.id(), List.of(a.messageId()), FlagChange.add(Flag.SEEN));
            mail.folders().create(camille.id(), null, "Nouveau");
        }
        assertThat(heard).extracting(MailChange::kind).containsExactly(MailChange.Kind.MESSAGES_ADDED,
                MailChange.Kind.FLAGS_CHANGED, MailChange.Kind.FOLDERS_CHANGED);
        assertThat(heard).allSatisfy(c -> assertThat(c.accountId()).isEqualTo(camille.id()));
    }

    @Test
    void roleFoldersMadeInATransactionThatRolledBackAreMadeAgain() {
        db.transaction().executeWithoutResult(status -> {
            mail.folders().ensureDefaults(camille.id());
            status.setRollbackOnly();
        });
        assertThat(mail.folders().byRole(camille.id(), FolderRole.INBOX).name()).isEqualTo("INBOX");
        assertThat(mail.folders().list(camille.id())).hasSize(6);
    }

    /**
     * The first two deliveries to an account at the same time, the first inside a longer
     * transaction as the MX's (which also records notices for full mailboxes): the second sees
     * the folders only once the first commits, and waits for them instead of failing.
     */
    @Test
    void aFirstDeliveryWaitsForTheFoldersAConcurrentOneIsMaking() throws Exception {
        var first = mail.delivery().store(stream(simple("x@example.org", "c@ac-dijon.fr", "Un", "one@x", "x")));
        var second = mail.delivery().store(stream(simple("x@example.org", "c@ac-dijon.fr", "Deux", "two@x", "x")));
        List<LocalRecipient> toCamille = List.of(new LocalRecipient(camille.id(), FolderRole.INBOX));
        CountDownLatch made = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<DeliveryOutcome>> a = pool.submit(() -> db.transaction().execute(status -> {
                List<DeliveryOutcome> out = mail.delivery().deliver(first, toCamille, null);
                made.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return out;
            }));
            assertThat(made.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<DeliveryOutcome>> b = pool.submit(() -> mail.delivery().deliver(second, toCamille, null));
            try {
                b.get(1, TimeUnit.SECONDS); // it may finish (failing or not) or wait for the first's commit
            } catch (TimeoutException | ExecutionException notYetOrFailed) {
                // judged below
            }
            release.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS)).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
            assertThat(b.get(30, TimeUnit.SECONDS)).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(mail.folders().byRole(camille.id(), FolderRole.INBOX).messages()).isEqualTo(2);
        assertThat(mail.folders().list(camille.id())).hasSize(6);
    }

    @Test
    void concurrentAppendsGetDistinctConsecutiveUids() throws Exception {
        long inbox = inbox(camille);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AppendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String raw = simple("a@x.org", "c@ac-dijon.fr", "Parallel " + i, "p" + i + "@x", "x");
                futures.add(pool.submit(() -> append(camille, inbox, raw)));
            }
            List<Long> uids = new ArrayList<>();
            for (Future<AppendResult> f : futures) {
                uids.add(f.get().uid());
            }
            assertThat(uids).doesNotHaveDuplicates().hasSize(20);
            assertThat(Collections.max(uids)).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        Folder folder = mail.folders().get(camille.id(), inbox);
        assertThat(folder.messages()).isEqualTo(20);
        assertThat(folder.uidNext()).isEqualTo(21);
    }
}
