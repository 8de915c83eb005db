package fr.preau.delivery.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.QueuedRecipient;
import fr.preau.delivery.QueuedRecipient.Status;
import fr.preau.testsupport.DatabaseContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's state machine on each database, with a scripted transport (the SMTP side is
 * covered with real sockets elsewhere) and a clock moved by hand: grouping, outcomes, the
 * retry schedule, the delay warning and the failure at the end of the window, notices and
 * their options, restart safety, two workers sharing a queue, a failing notice sink, purge.
 */
abstract class QueueWorkerContract extends DatabaseContract {

    @TempDir
    Path blobDirectory;

    OutboundKit kit;
    Scripted transport;

    /** Answers each recipient as scripted and records each call with the bytes it was given. */
    static final class Scripted implements RemoteTransport {
        record Call(String sender, List<String> recipients, String domain, byte[] raw) {}

        final List<Call> calls = new CopyOnWriteArrayList<>();
        volatile Function<String, SmtpReply> replies = r -> SmtpReply.parse(250, "250 2.0.0 Ok: queued as 42");
        volatile CountDownLatch gate;

        @Override
        public List<RecipientResult> deliver(RawMessage message, String sender, List<String> recipients, String domain) {
            try (InputStream in = message.open()) {
                calls.add(new Call(sender, recipients, domain, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return recipients.stream().map(r -> RecipientResult.of(r, replies.apply(r), "mx." + domain)).toList();
        }

        List<String> delivered() {
            return calls.stream().flatMap(c -> c.recipients().stream()).toList();
        }
    }

    @BeforeEach
    void setUp() {
        kit = new OutboundKit(db, blobDirectory);
        transport = new Scripted();
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void deliversEveryRecipientOnceWithOneTransactionPerDomain() {
        long id = kit.enqueue(OutboundKit.message("Bonjour"), "jean.dupont@ac-dijon.fr",
                "a@example.org", "b@example.org", "c@other.fr");
        QueueWorker worker = kit.worker(transport);

        QueueWorker.Pass pass = worker.runOnce();

        assertThat(pass).isEqualTo(new QueueWorker.Pass(3, 0, 0, 0));
        assertThat(transport.calls).extracting(Scripted.Call::domain, Scripted.Call::recipients)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("example.org", List.of("a@example.org", "b@example.org")),
                        org.assertj.core.groups.Tuple.tuple("other.fr", List.of("c@other.fr")));
        assertThat(transport.calls).allSatisfy(c -> {
            assertThat(c.sender()).isEqualTo("jean.dupont@ac-dijon.fr");
            assertThat(new String(c.raw(), StandardCharsets.UTF_8)).isEqualTo(OutboundKit.message("Bonjour"));
        });
        assertThat(kit.operations.find(id).orElseThrow().recipients()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.DELIVERED);
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.lastReply()).isEqualTo("250 2.0.0 Ok: queued as 42");
            assertThat(r.finishedAt()).isEqualTo(kit.clock.instant());
        });
        assertThat(kit.notices).isEmpty();
        assertThat(worker.runOnce()).isEqualTo(new QueueWorker.Pass(0, 0, 0, 0));
        assertThat(transport.calls).hasSize(2);
    }

    @Test
    void aPermanentFailureIsFinalAndTheSenderIsToldOnce() {
        transport.replies = r -> r.startsWith("nobody")
                ? SmtpReply.parse(550, "550 5.1.1 <nobody@example.org>: Recipient address rejected")
                : SmtpReply.parse(250, "250 Ok");
        long id = kit.enqueue(OutboundKit.message("Rapport"), "jean.dupont@ac-dijon.fr", "nobody@example.org",
                "ami@example.org");
        QueueWorker worker = kit.worker(transport);

        assertThat(worker.runOnce()).isEqualTo(new QueueWorker.Pass(1, 0, 1, 1));
        QueuedRecipient nobody = kit.operations.find(id).orElseThrow().recipients().get(0);
        assertThat(nobody.status()).isEqualTo(Status.FAILED);
        assertThat(nobody.lastReply()).isEqualTo("550 5.1.1 <nobody@example.org>: Recipient address rejected");
        assertThat(kit.notices).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("jean.dupont@ac-dijon.fr");
            assertThat(n.text()).contains("Action: failed", "Final-Recipient: rfc822; nobody@example.org",
                    "Status: 5.1.1", "Remote-MTA: dns; mx.example.org")
                    .doesNotContain("Final-Recipient: rfc822; ami@example.org");
        });
        worker.runOnce();
        assertThat(kit.notices).hasSize(1);
    }

    @Test
    void temporaryFailuresAreRetriedAfterFiveTenTwentyFortyMinutesThenEveryTwoHours() {
        transport.replies = r -> SmtpReply.parse(451, "451 4.7.1 Greylisted, try again later");
        long id = kit.enqueue(OutboundKit.message("Gris"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        QueueWorker worker = kit.worker(transport);
        Instant queuedAt = kit.clock.instant();

        List<Duration> delays = new ArrayList<>();
        Instant previous = queuedAt;
        for (int attempt = 1; attempt <= 7; attempt++) {
            worker.runOnce();
            assertThat(transport.calls).hasSize(attempt);
            QueuedRecipient r = kit.operations.find(id).orElseThrow().recipients().get(0);
            assertThat(r.status()).isEqualTo(Status.DEFERRED);
            assertThat(r.attempts()).isEqualTo(attempt);
            delays.add(Duration.between(previous, r.nextAttemptAt()));
            // nothing happens before the next attempt is due
            kit.clock.set(r.nextAttemptAt().minusSeconds(1));
            worker.runOnce();
            assertThat(transport.calls).hasSize(attempt);
            kit.clock.set(r.nextAttemptAt());
            previous = r.nextAttemptAt();
        }
        assertThat(delays).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(40), Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2));
    }

    @Test
    void warnsOnceAfterFourHoursAndFailsAtTheEndOfTheRetryWindow() {
        transport.replies = r -> SmtpReply.parse(452, "452 4.2.2 Mailbox full");
        long id = kit.enqueue(OutboundKit.message("Patience"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        Instant queuedAt = kit.clock.instant();
        QueueWorker worker = kit.worker(transport);

        Instant warnedAt = null;
        QueuedRecipient r = null;
        for (int pass = 0; pass < 500; pass++) {
            worker.runOnce();
            r = kit.operations.find(id).orElseThrow().recipients().get(0);
            if (warnedAt == null && !kit.notices.isEmpty()) {
                warnedAt = kit.clock.instant();
            }
            if (!r.status().pending()) {
                break;
            }
            kit.clock.set(r.nextAttemptAt());
        }
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.finishedAt()).as("the last attempt is at the end of the window").isEqualTo(queuedAt.plus(Duration.ofDays(5)));
        assertThat(warnedAt).isAfterOrEqualTo(queuedAt.plus(Duration.ofHours(4)))
                .isBefore(queuedAt.plus(Duration.ofHours(4)).plus(Duration.ofHours(2)));
        assertThat(kit.notices).hasSize(2);
        assertThat(kit.notices.get(0).text()).contains("Action: delayed", "Status: 4.2.2", "Will-Retry-Until: Sat, 12 Sep 2026 07:30:00 +0000");
        assertThat(kit.notices.get(1).text()).contains("Action: failed", "Status: 4.2.2", "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full")
                .doesNotContain("Will-Retry-Until");
        assertThat(transport.calls.size()).isEqualTo(r.attempts());
    }

    @Test
    void aMessageFromTheNullSenderIsNeverNotified() {
        transport.replies = r -> r.startsWith("gone") ? SmtpReply.parse(550, "550 5.1.1 gone")
                : SmtpReply.parse(451, "451 4.4.1 later");
        long id = kit.enqueue(OutboundKit.message("Avis"), null, "gone@example.org", "later@example.org");
        QueueWorker worker = kit.worker(transport);
        for (int pass = 0; pass < 200 && kit.operations.find(id).orElseThrow().pending(); pass++) {
            worker.runOnce();
            kit.operations.find(id).orElseThrow().recipients().stream().filter(x -> x.status().pending()).findFirst()
                    .ifPresent(x -> kit.clock.set(x.nextAttemptAt()));
        }
        assertThat(kit.operations.find(id).orElseThrow().recipients()).extracting(QueuedRecipient::status)
                .containsOnly(Status.FAILED);
        assertThat(kit.notices).isEmpty();
        assertThat(transport.calls).allSatisfy(c -> assertThat(c.sender()).isNull());
    }

    @Test
    void notifyOptionsChooseTheNotices() {
        transport.replies = r -> r.startsWith("no") ? SmtpReply.parse(550, "550 5.1.1 no") : SmtpReply.parse(250, "250 ok");
        kit.queue.enqueue(new OutboundQueue.Submission(kit.store(OutboundKit.message("Options").getBytes(StandardCharsets.UTF_8)),
                "jean.dupont@ac-dijon.fr", List.of(
                        new OutboundQueue.Recipient("no1@example.org", Set.of(OutboundQueue.Notify.NEVER), null),
                        new OutboundQueue.Recipient("yes@example.org", Set.of(OutboundQueue.Notify.SUCCESS),
                                "rfc822;Yes@Example.org"),
                        new OutboundQueue.Recipient("no2@example.org", Set.of(OutboundQueue.Notify.DELAY), null)),
                null, Locale.ENGLISH, null, "ENV-1"));
        kit.worker(transport).runOnce();
        assertThat(kit.notices).singleElement().satisfies(n -> assertThat(n.text())
                .contains("Action: delivered", "Final-Recipient: rfc822; yes@example.org",
                        "Original-Recipient: rfc822;Yes@Example.org", "Original-Envelope-Id: ENV-1",
                        "Your message has been delivered.")
                .doesNotContain("no1@example.org", "no2@example.org"));
    }

    @Test
    void aRecipientLeftLeasedByACrashedWorkerIsDeliveredByAnotherOnceTheLeaseRunsOut() {
        long id = kit.enqueue(OutboundKit.message("Reprise"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        RemoteTransport crashing = (message, sender, recipients, domain) -> {
            throw new IllegalStateException("the node dies in the middle of the delivery");
        };
        kit.worker(crashing).runOnce();
        QueueRepository.RecipientRow leased = kit.repository.recipientsOf(id).get(0);
        assertThat(leased.leaseOwner()).isNotNull();
        assertThat(leased.status()).isEqualTo(Status.QUEUED);

        QueueWorker restarted = kit.worker(transport);
        kit.clock.advance(Duration.ofMinutes(29));
        assertThat(restarted.runOnce().delivered()).as("the lease still holds").isZero();
        kit.clock.advance(Duration.ofMinutes(2));
        assertThat(restarted.runOnce().delivered()).isEqualTo(1);
        assertThat(transport.delivered()).containsExactly("ami@example.org");
        QueueRepository.RecipientRow done = kit.repository.recipientsOf(id).get(0);
        assertThat(done.status()).isEqualTo(Status.DELIVERED);
        assertThat(done.leaseOwner()).isNull();
    }

    @Test
    void twoWorkersOnOneQueueDeliverEachRecipientExactlyOnce() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            kit.enqueue(OutboundKit.message("M" + i), "jean.dupont@ac-dijon.fr", "a" + i + "@example.org",
                    "b" + i + "@other" + (i % 3) + ".fr");
            expected.add("a" + i + "@example.org");
            expected.add("b" + i + "@other" + (i % 3) + ".fr");
        }
        QueueWorker one = kit.worker(transport);
        QueueWorker two = kit.worker(transport);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<QueueWorker.Pass>> passes = new ArrayList<>();
            for (QueueWorker w : List.of(one, two)) {
                passes.add(pool.submit(() -> {
                    start.await();
                    return w.runOnce();
                }));
            }
            start.countDown();
            int delivered = 0;
            for (Future<QueueWorker.Pass> p : passes) {
                delivered += p.get().delivered();
            }
            assertThat(delivered).isEqualTo(80);
        }
        assertThat(transport.delivered()).hasSize(80).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(new HashSet<>(transport.delivered())).hasSize(80);
        assertThat(kit.operations.counts()).containsEntry(Status.DELIVERED, 80L);
    }

    @Test
    void aNoticeThatCannotBeHandedOverIsSentOnTheNextPass() {
        transport.replies = r -> SmtpReply.parse(554, "554 5.7.1 Rejected by policy");
        kit.enqueue(OutboundKit.message("Refus"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        QueueWorker worker = kit.worker(transport);
        kit.sinkFailure = new IllegalStateException("mail store unavailable");
        assertThat(worker.runOnce().notices()).isZero();
        assertThat(kit.repository.messagesWithNotices(10)).hasSize(1);

        kit.sinkFailure = null;
        assertThat(worker.runOnce().notices()).isEqualTo(1);
        assertThat(kit.notices).singleElement().satisfies(n -> assertThat(n.text()).contains("Status: 5.7.1"));
        assertThat(worker.runOnce().notices()).isZero();
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void aMessageWhoseBytesAreGoneFailsWithANotice() throws IOException {
        kit.enqueue(OutboundKit.message("Perdu"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        String hash = kit.repository.messages(List.of(kit.repository.due(kit.clock.instant(), 1).get(0).messageId()))
                .get(0).blobHash();
        Files.delete(blobDirectory.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash));

        QueueWorker.Pass pass = kit.worker(transport).runOnce();
        assertThat(pass.failed()).isEqualTo(1);
        assertThat(transport.calls).isEmpty();
        assertThat(kit.notices).singleElement().satisfies(n -> assertThat(n.text()).contains("Status: 5.3.0"));
    }

    @Test
    void theSignersHeaderGoesInFrontOfEachDeliveryButNotIntoTheQueue() throws IOException {
        long id = kit.enqueue(OutboundKit.message("Signé"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        List<String> domains = new CopyOnWriteArrayList<>();
        OutboundSigner signer = (raw, senderDomain) -> {
            domains.add(senderDomain);
            byte[] whole = raw.readAllBytes();
            return ("DKIM-Signature: v=1; d=" + senderDomain + "; l=" + whole.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        };
        kit.worker(transport, OutboundKit.properties(25), signer).runOnce();
        byte[] original = OutboundKit.message("Signé").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(transport.calls.get(0).raw(), StandardCharsets.UTF_8))
                .isEqualTo("DKIM-Signature: v=1; d=ac-dijon.fr; l=" + original.length + "\r\n" + OutboundKit.message("Signé"));
        assertThat(domains).containsExactly("ac-dijon.fr");
        try (InputStream stored = kit.blobs.open(kit.repository.message(id).orElseThrow().blobHash())) {
            assertThat(stored.readAllBytes()).isEqualTo(original);
        }
    }

    @Test
    void aSignerThatFailsDoesNotStopTheMessage() {
        kit.enqueue(OutboundKit.message("Sans signature"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        OutboundSigner broken = (raw, domain) -> {
            throw new IOException("no key for " + domain);
        };
        assertThat(kit.worker(transport, OutboundKit.properties(25), broken).runOnce().delivered()).isEqualTo(1);
        assertThat(new String(transport.calls.get(0).raw(), StandardCharsets.UTF_8)).startsWith("From: ");
    }

    @Test
    void finishedMessagesArePurgedAfterAWeek() {
        kit.enqueue(OutboundKit.message("Vieux"), "jean.dupont@ac-dijon.fr", "ami@example.org");
        QueueWorker worker = kit.worker(transport);
        worker.runOnce();
        assertThat(db.count("outbound_message")).isEqualTo(1);
        kit.clock.advance(Duration.ofDays(7).plusSeconds(1));
        worker.runOnce();
        assertThat(db.count("outbound_message")).isZero();
        assertThat(db.count("outbound_recipient")).isZero();
    }
}
