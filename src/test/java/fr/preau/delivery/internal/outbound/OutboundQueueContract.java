package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedMessage;
import fr.preau.delivery.QueuedRecipient;
import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.platform.AuditLog;
import fr.preau.platform.BlobStore;
import fr.preau.platform.internal.BlobCollector;
import fr.preau.testsupport.DatabaseContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's storage: what {@code enqueue} writes and when, the listings and filters, retry
 * and cancel, leases (claim, expiry, owner-only outcomes), delay-warning marks, purge, and
 * that the blob collector keeps the bytes of queued messages.
 */
abstract class OutboundQueueContract extends DatabaseContract {

    @TempDir
    Path blobDirectory;

    OutboundKit kit;

    @BeforeEach
    void setUp() {
        kit = new OutboundKit(db, blobDirectory);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void enqueueStoresTheMessageAndEachRecipientOnceAndClaimsTheBlob() {
        BlobStore.Blob blob = kit.store(OutboundKit.message("Réunion").getBytes(StandardCharsets.UTF_8));
        long id = kit.queue.enqueue(blob, "jean.dupont@ac-dijon.fr",
                List.of("ami@Example.ORG", "ami@example.org", "<autre@exemple.fr>", "x@bücher.de"), 42L, Locale.ENGLISH);

        QueuedMessage m = kit.operations.find(id).orElseThrow();
        assertThat(m.sender()).isEqualTo("jean.dupont@ac-dijon.fr");
        assertThat(m.size()).isEqualTo(blob.size());
        assertThat(m.createdAt()).isEqualTo(kit.clock.instant());
        assertThat(m.recipients()).extracting(QueuedRecipient::address, QueuedRecipient::domain, QueuedRecipient::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ami@example.org", "example.org", Status.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("autre@exemple.fr", "exemple.fr", Status.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("x@xn--bcher-kva.de", "xn--bcher-kva.de", Status.QUEUED));
        assertThat(m.recipients()).allSatisfy(r -> {
            assertThat(r.attempts()).isZero();
            assertThat(r.nextAttemptAt()).isEqualTo(kit.clock.instant());
        });
        assertThat(db.jdbc().sql("select locale from outbound_message").query(String.class).single()).isEqualTo("en");
        assertThat(db.jdbc().sql("select count(*) from blob where hash = ?").param(blob.hash()).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(kit.wakeUps).hasValue(1);
    }

    @Test
    void aNullOrEmptySenderIsTheNullReversePath() {
        long a = kit.enqueue(OutboundKit.message("a"), null, "x@example.org");
        long b = kit.enqueue(OutboundKit.message("b"), "", "x@example.org");
        long c = kit.enqueue(OutboundKit.message("c"), "<>", "x@example.org");
        assertThat(List.of(a, b, c)).allSatisfy(id -> assertThat(kit.operations.find(id).orElseThrow().sender()).isNull());
        assertThat(kit.operations.list(MailQueue.Filter.all().sender("<>"))).hasSize(3);
    }

    @Test
    void refusesWhatIsNotAnAddressAndStoresNothing() {
        BlobStore.Blob blob = kit.store("x".getBytes(StandardCharsets.US_ASCII));
        for (List<String> recipients : List.of(List.<String>of(), List.of("nobody"), List.of("a@"), List.of("@b.fr"),
                List.of("a b@c.fr"), List.of("a@b.fr\r\nRCPT TO:<c@d.fr>"))) {
            assertThatThrownBy(() -> kit.queue.enqueue(blob, "s@ac-dijon.fr", recipients, null, Locale.FRENCH))
                    .as("%s", recipients).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> kit.queue.enqueue(blob, "bad sender@x.fr", List.of("a@b.fr"), null, Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.count("outbound_message")).isZero();
    }

    @Test
    void enqueueJoinsTheCallersTransactionAndWakesTheWorkerOnlyAfterItCommits() {
        BlobStore.Blob blob = kit.store(OutboundKit.message("t").getBytes(StandardCharsets.UTF_8));
        db.transaction().executeWithoutResult(status -> {
            kit.queue.enqueue(blob, "s@ac-dijon.fr", List.of("a@example.org"), null, Locale.FRENCH);
            assertThat(kit.wakeUps).as("not before the commit").hasValue(0);
            status.setRollbackOnly();
        });
        assertThat(db.count("outbound_message")).isZero();
        assertThat(db.count("outbound_recipient")).isZero();
        assertThat(kit.wakeUps).as("a rolled-back enqueue wakes nobody").hasValue(0);

        db.transaction().executeWithoutResult(status -> {
            kit.queue.enqueue(blob, "s@ac-dijon.fr", List.of("a@example.org"), null, Locale.FRENCH);
            assertThat(kit.wakeUps).hasValue(0);
        });
        assertThat(db.count("outbound_message")).isEqualTo(1);
        assertThat(kit.wakeUps).hasValue(1);
    }

    @Test
    void keepsTheDsnOptions() {
        BlobStore.Blob blob = kit.store("x".getBytes(StandardCharsets.US_ASCII));
        long id = kit.queue.enqueue(new OutboundQueue.Submission(blob, "s@ac-dijon.fr", List.of(
                new OutboundQueue.Recipient("a@example.org", Set.of(OutboundQueue.Notify.SUCCESS,
                        OutboundQueue.Notify.FAILURE), "rfc822;a@example.org"),
                new OutboundQueue.Recipient("b@example.org", Set.of(OutboundQueue.Notify.NEVER), null)),
                7L, Locale.FRENCH, OutboundQueue.Ret.HDRS, "QQ314159"));
        QueueRepository.MessageRow m = kit.repository.message(id).orElseThrow();
        assertThat(m.ret()).isEqualTo("HDRS");
        assertThat(m.envid()).isEqualTo("QQ314159");
        assertThat(m.accountId()).isEqualTo(7L);
        assertThat(kit.repository.recipientsOf(id)).extracting(QueueRepository.RecipientRow::dsnNotify,
                        QueueRepository.RecipientRow::originalRecipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SUCCESS,FAILURE", "rfc822;a@example.org"),
                        org.assertj.core.groups.Tuple.tuple("NEVER", null));
    }

    @Test
    void listsByStatusDomainSenderAndAccount() {
        long first = kit.queue.enqueue(kit.store(bytes("1")), "jean@ac-dijon.fr",
                List.of("a@example.org", "b@other.fr"), 1L, Locale.FRENCH);
        long second = kit.queue.enqueue(kit.store(bytes("2")), "Zoe@ac-dijon.fr", List.of("c@example.org"), 2L,
                Locale.FRENCH);
        QueueRepository.RecipientRow b = kit.repository.recipientsOf(first).get(1);
        assertThat(kit.repository.claim(b.id(), "w", kit.clock.instant().plusSeconds(60), kit.clock.instant())).isTrue();
        kit.repository.finished(b.id(), "w", Status.FAILED, kit.clock.instant(), SmtpReply.parse(550, "550 5.1.1 no"),
                "mx.other.fr", null);

        assertThat(ids(kit.operations.list(MailQueue.Filter.pending()))).containsExactly(first, second);
        assertThat(kit.operations.list(MailQueue.Filter.pending()).get(0).recipients())
                .extracting(QueuedRecipient::address).containsExactly("a@example.org");
        assertThat(kit.operations.list(MailQueue.Filter.all()).get(0).recipients()).hasSize(2);
        List<QueuedMessage> failed = kit.operations.list(MailQueue.Filter.all().statuses(EnumSet.of(Status.FAILED)));
        assertThat(ids(failed)).containsExactly(first);
        QueuedRecipient failure = failed.get(0).recipients().get(0);
        assertThat(failure.lastReply()).isEqualTo("550 5.1.1 no");
        assertThat(failure.remoteMta()).isEqualTo("mx.other.fr");
        assertThat(failure.nextAttemptAt()).isNull();
        assertThat(failure.finishedAt()).isEqualTo(kit.clock.instant());
        assertThat(ids(kit.operations.list(MailQueue.Filter.all().domain("EXAMPLE.org")))).containsExactly(first, second);
        assertThat(ids(kit.operations.list(MailQueue.Filter.all().domain("other.fr")))).containsExactly(first);
        assertThat(ids(kit.operations.list(MailQueue.Filter.all().sender("zoe@ac-dijon.fr")))).containsExactly(second);
        assertThat(ids(kit.operations.list(MailQueue.Filter.all().account(1L)))).containsExactly(first);
        assertThat(ids(kit.operations.list(MailQueue.Filter.all().limit(1)))).containsExactly(first);
        assertThat(kit.operations.counts()).containsEntry(Status.QUEUED, 2L).containsEntry(Status.FAILED, 1L)
                .containsEntry(Status.DEFERRED, 0L).containsEntry(Status.DELIVERED, 0L);
        assertThat(kit.operations.find(999_999)).isEmpty();
    }

    @Test
    void aLeaseKeepsOthersOffUntilItRunsOutAndOnlyItsOwnerRecords() {
        long id = kit.enqueue(OutboundKit.message("l"), "s@ac-dijon.fr", "a@example.org");
        Instant now = kit.clock.instant();
        long r = kit.repository.due(now, 10).get(0).recipientId();
        assertThat(kit.repository.claim(r, "node-a", now.plus(Duration.ofMinutes(30)), now)).isTrue();
        assertThat(kit.repository.claim(r, "node-b", now.plus(Duration.ofMinutes(30)), now)).isFalse();
        assertThat(kit.repository.due(now, 10)).as("leased recipients are not due").isEmpty();

        Instant later = now.plus(Duration.ofMinutes(31));
        assertThat(kit.repository.due(later, 10)).extracting(QueueRepository.Due::messageId).containsExactly(id);
        assertThat(kit.repository.claim(r, "node-b", later.plus(Duration.ofMinutes(30)), later)).isTrue();
        SmtpReply ok = SmtpReply.parse(250, "250 2.0.0 Ok");
        assertThat(kit.repository.finished(r, "node-a", Status.DELIVERED, later, ok, "mx", null))
                .as("the first node lost its lease").isFalse();
        assertThat(kit.repository.finished(r, "node-b", Status.DELIVERED, later, ok, "mx", null)).isTrue();
        assertThat(kit.repository.due(later.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void onlyDueRecipientsAreClaimed() {
        kit.enqueue(OutboundKit.message("d"), "s@ac-dijon.fr", "a@example.org");
        Instant now = kit.clock.instant();
        long r = kit.repository.due(now, 10).get(0).recipientId();
        assertThat(kit.repository.claim(r, "w", now.plusSeconds(60), now)).isTrue();
        assertThat(kit.repository.deferred(r, "w", now, now.plus(Duration.ofMinutes(5)), SmtpReply.parse(451, "451 busy"),
                "mx")).isTrue();
        assertThat(kit.repository.due(now.plus(Duration.ofMinutes(4)), 10)).isEmpty();
        assertThat(kit.repository.claim(r, "w", now.plusSeconds(60), now)).isFalse();
        assertThat(kit.repository.due(now.plus(Duration.ofMinutes(5)), 10)).hasSize(1);
    }

    @Test
    void retryMakesPendingRecipientsDueNowAndIsAudited() {
        long id = kit.enqueue(OutboundKit.message("r"), "s@ac-dijon.fr", "a@example.org", "b@example.org");
        Instant now = kit.clock.instant();
        for (QueueRepository.Due d : kit.repository.due(now, 10)) {
            kit.repository.claim(d.recipientId(), "w", now.plusSeconds(60), now);
            kit.repository.deferred(d.recipientId(), "w", now, now.plus(Duration.ofHours(2)),
                    SmtpReply.parse(451, "451 4.3.0 later"), "mx");
        }
        kit.clock.advance(Duration.ofMinutes(1));
        assertThat(kit.repository.due(kit.clock.instant(), 10)).isEmpty();
        int before = kit.wakeUps.get();

        assertThat(kit.operations.retry("cli:admin", id)).isEqualTo(2);
        assertThat(kit.repository.due(kit.clock.instant(), 10)).hasSize(2);
        assertThat(kit.wakeUps.get()).isEqualTo(before + 1);
        assertThat(kit.operations.retry("cli:admin", 999_999)).isZero();
        assertThat(kit.operations.retryAllDeferred("cli:admin")).isEqualTo(2);
        assertThat(kit.audit.latest("OUTBOUND_RETRIED", 10)).hasSize(2).first()
                .extracting(AuditLog.Event::actor).isEqualTo("cli:admin");
    }

    @Test
    void cancelRemovesTheMessageWithoutANoticeAndIsAudited() {
        long id = kit.queue.enqueue(kit.store(bytes("c")), "s@ac-dijon.fr", List.of("a@example.org"), 5L, Locale.FRENCH);
        assertThat(kit.operations.cancel("cli:admin", id)).isTrue();
        assertThat(kit.operations.find(id)).isEmpty();
        assertThat(db.count("outbound_recipient")).isZero();
        assertThat(kit.operations.cancel("cli:admin", id)).isFalse();
        AuditLog.Event event = kit.audit.latest("OUTBOUND_CANCELLED", 10).get(0);
        assertThat(event.accountId()).isEqualTo(5L);
        assertThat(event.details()).contains("message " + id, "s@ac-dijon.fr", "1 not delivered");
    }

    @Test
    void marksOneDelayWarningPerPendingRecipientOfAKnownSender() {
        long old = kit.enqueue(OutboundKit.message("old"), "s@ac-dijon.fr", "a@example.org", "b@example.org");
        long bounce = kit.enqueue(OutboundKit.message("bounce"), null, "c@example.org");
        kit.queue.enqueue(new OutboundQueue.Submission(kit.store(bytes("n")), "s@ac-dijon.fr",
                List.of(new OutboundQueue.Recipient("d@example.org", Set.of(OutboundQueue.Notify.FAILURE), null)),
                null, Locale.FRENCH, null, null));
        kit.clock.advance(Duration.ofHours(1));
        long recent = kit.enqueue(OutboundKit.message("recent"), "s@ac-dijon.fr", "e@example.org");

        Instant cutoff = kit.clock.instant().minus(Duration.ofMinutes(30));
        assertThat(kit.repository.markDelayWarnings(cutoff)).isEqualTo(2);
        assertThat(kit.repository.markDelayWarnings(cutoff)).as("once").isZero();
        assertThat(kit.repository.messagesWithNotices(10)).containsExactly(old);
        assertThat(kit.repository.pendingNotices(old)).extracting(QueueRepository.RecipientRow::noticePending)
                .containsOnly(QueueRepository.Notice.DELAYED);
        assertThat(kit.repository.pendingNotices(bounce)).isEmpty();
        assertThat(kit.repository.pendingNotices(recent)).isEmpty();

        QueueRepository.RecipientRow a = kit.repository.pendingNotices(old).get(0);
        assertThat(kit.repository.takeNotice(a.id(), QueueRepository.Notice.DELAYED)).isTrue();
        assertThat(kit.repository.takeNotice(a.id(), QueueRepository.Notice.DELAYED)).as("taken once").isFalse();
    }

    @Test
    void purgesFinishedMessagesAfterTheirKeepingTimeAndThenTheirBlobsCanGo() {
        BlobStore.Blob blob = kit.store(bytes("p"));
        long id = kit.queue.enqueue(blob, "s@ac-dijon.fr", List.of("a@example.org"), null, Locale.FRENCH);
        BlobCollector collector = new BlobCollector(db.jdbc(), kit.blobs, List.of(new QueuedBlobs()),
                db.transaction(), kit.clock, Duration.ZERO);
        kit.clock.advance(Duration.ofSeconds(1));
        assertThat(collector.collect()).as("a queued message's blob is kept").isZero();
        assertThat(kit.blobs.exists(blob.hash())).isTrue();

        Instant now = kit.clock.instant();
        long r = kit.repository.recipientsOf(id).get(0).id();
        kit.repository.claim(r, "w", now.plusSeconds(60), now);
        kit.repository.finished(r, "w", Status.DELIVERED, now, SmtpReply.parse(250, "250 ok"), "mx", null);
        assertThat(kit.repository.purgeFinished(now.minus(Duration.ofDays(7)))).isZero();
        assertThat(kit.repository.purgeFinished(now.plusSeconds(1))).isEqualTo(1);
        assertThat(db.count("outbound_message")).isZero();
        kit.clock.advance(Duration.ofSeconds(1));
        assertThat(collector.collect()).isEqualTo(1);
        assertThat(kit.blobs.exists(blob.hash())).isFalse();
    }

    @Test
    void keepsMessagesWithPendingRecipientsOrNotices() {
        long pending = kit.enqueue(OutboundKit.message("a"), "s@ac-dijon.fr", "a@example.org", "b@example.org");
        long notice = kit.enqueue(OutboundKit.message("b"), "s@ac-dijon.fr", "c@example.org");
        Instant now = kit.clock.instant();
        long a = kit.repository.recipientsOf(pending).get(0).id();
        long c = kit.repository.recipientsOf(notice).get(0).id();
        for (long r : List.of(a, c)) {
            kit.repository.claim(r, "w", now.plusSeconds(60), now);
        }
        kit.repository.finished(a, "w", Status.DELIVERED, now, SmtpReply.parse(250, "250 ok"), "mx", null);
        kit.repository.finished(c, "w", Status.FAILED, now, SmtpReply.parse(550, "550 no"), "mx",
                QueueRepository.Notice.FAILED);
        assertThat(kit.repository.purgeFinished(now.plus(Duration.ofDays(30)))).isZero();
        assertThat(db.count("outbound_message")).isEqualTo(2);
    }

    private static byte[] bytes(String text) {
        return ("Subject: " + text + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Long> ids(List<QueuedMessage> messages) {
        return messages.stream().map(QueuedMessage::id).toList();
    }
}
