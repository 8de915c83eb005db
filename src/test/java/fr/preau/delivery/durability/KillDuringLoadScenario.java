package fr.preau.delivery.durability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.delivery.durability.MailStore.Mailbox;
import fr.preau.delivery.durability.MailStore.StoredMessage;
import fr.preau.delivery.durability.SmtpLoad.Agent;
import fr.preau.delivery.durability.SmtpLoad.Attempt;
import fr.preau.delivery.durability.SmtpLoad.Channel;
import fr.preau.delivery.internal.outbound.SmtpSink;
import fr.preau.delivery.internal.smtp.ScriptedClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost" across a crash: the packaged server, started as its own process, takes a
 * load of concurrent SMTP clients — outside servers on the MX writing to local agents, agents
 * submitting mail for a remote address (the outbound queue, relayed to a smarthost in the test
 * JVM) and a local colleague — and is killed with SIGKILL in the middle of it. It is then
 * started again on the same data directory and database, and the test reads what was stored
 * over JDBC and the blob files:
 * <ul>
 *   <li>every message that got {@code 250} on the MX is in each of its recipients' mailboxes
 *       exactly once (looked up by its unique Message-ID);</li>
 *   <li>every message that got {@code 250} on submission reaches the smarthost once the
 *       restarted server's queue resumes, and is in the colleague's mailbox exactly once;
 *       delivery to the smarthost is at least once: a message may arrive twice only if its
 *       first copy arrived before the kill (it was in flight: the smarthost had it, the killed
 *       server had not recorded it yet), so at most one per delivery thread;</li>
 *   <li>a message without {@code 250} (refused, or cut by the kill) may be absent, but never
 *       half there: all of its recipients have it or none does, its local copy exists if and
 *       only if it was queued, and every stored row's blob exists whole (its size and SHA-256
 *       are the row's);</li>
 *   <li>each folder's counters ({@code message_count}, {@code unseen_count},
 *       {@code size_bytes}, {@code uid_next}, {@code highest_modseq}) agree with its rows.</li>
 * </ul>
 * Subclasses say which database the server uses.
 */
abstract class KillDuringLoadScenario {

    /** MX clients write to these agents, one or two at a time. */
    static final List<String> LOCAL = List.of("camille.martin@ac-dijon.fr", "hugo.lambert@ac-lyon.fr",
            "emma.fournier@ac-aix-marseille.fr");
    static final List<Agent> AGENTS = List.of(
            new Agent("tbernard", "thomas.bernard@ac-dijon.fr", "camille.martin@ac-dijon.fr"),
            new Agent("jdupont", "jean.dupont@ac-dijon.fr", "hugo.lambert@ac-lyon.fr"),
            new Agent("cmartin", "camille.martin@ac-dijon.fr", "emma.fournier@ac-aix-marseille.fr"));
    static final List<String> REMOTE_DOMAINS = List.of("universite.example", "mairie.example");
    static final int MX_CLIENTS = 3;
    /** The server's outbound delivery threads (preau.delivery.concurrency): at most that many in flight. */
    static final int DELIVERY_THREADS = 4;
    /** Accepted messages per channel before the kill: enough for the kill to land amid traffic. */
    static final int BEFORE_KILL = 25;
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    /** The server's environment: {@code base} plus the database. */
    abstract Map<String, String> environment(Map<String, String> base);

    /** A JDBC view of the server's database. */
    abstract MailStore openStore(Path dataDir) throws SQLException;

    @Test
    void aServerKilledDuringLoadLosesNothingItAcknowledged() throws Exception {
        PreauServer.assumePackaged();
        Path data = work.resolve("data");
        try (SmtpSink sink = SmtpSink.start()) {
            Map<String, String> env = environment(PreauServer.environment(data, sink.port()));

            PreauServer first = PreauServer.start(env, PreauServer.logFile(getClass(), "first"));
            List<Attempt> attempts;
            List<String> unexpected;
            try {
                SmtpLoad load = SmtpLoad.start(first.mxPort(), MX_CLIENTS, LOCAL, first.submissionPort(), AGENTS,
                        REMOTE_DOMAINS);
                Waits.until("load before the kill", TIMEOUT, () -> load.accepted(Channel.MX) >= BEFORE_KILL
                        && load.accepted(Channel.SUBMISSION) >= BEFORE_KILL && sink.transactions().size() >= 5
                        || !load.unexpected().isEmpty(), first::log);
                if (!load.unexpected().isEmpty()) {
                    first.threadDump(PreauServer.logFile(getClass(), "threads"));
                }
                load.killing();
                first.kill();
                attempts = load.stop(Duration.ofSeconds(30));
                unexpected = load.unexpected();
            } finally {
                first.stop();
            }
            assertThat(unexpected).as("errors and refusals before the kill%n%s", first.log()).isEmpty();
            // the killed server's connections to the smarthost are gone: what it has now came before the kill
            Waits.until("smarthost sessions of the killed server to end", TIMEOUT, () -> sink.openSessions() == 0, () -> "");
            Map<String, Integer> beforeKill = copies(sink.transactions());

            PreauServer second = PreauServer.start(env, PreauServer.logFile(getClass(), "after-restart"));
            try (MailStore store = openStore(data)) {
                List<String> acceptedRemote = attempts.stream()
                        .filter(a -> a.channel() == Channel.SUBMISSION && a.accepted())
                        .map(a -> a.mail().messageId()).toList();
                // no failure on a time-out: the checks below then say what is missing
                Waits.within(TIMEOUT, () -> store.pendingRecipients() == 0
                        && copies(sink.transactions()).keySet().containsAll(acceptedRemote));
                check(store, attempts, beforeKill, copies(sink.transactions()));
                stillServes(second, store);
            } finally {
                second.stop();
            }
        }
    }

    private void check(MailStore store, List<Attempt> attempts, Map<String, Integer> beforeKill,
                       Map<String, Integer> atSmarthost) throws SQLException {
        Map<String, Long> accounts = store.accountsByAddress();
        List<StoredMessage> rows = store.messages();
        Map<String, List<StoredMessage>> byMessageId = rows.stream().filter(m -> m.messageId() != null)
                .collect(Collectors.groupingBy(StoredMessage::messageId));
        SoftAssertions softly = new SoftAssertions();
        int duplicates = 0;
        Map<String, Integer> tally = new HashMap<>();
        for (Attempt attempt : attempts) {
            String id = attempt.mail().messageId();
            List<StoredMessage> stored = byMessageId.getOrDefault(id, List.of());
            List<String> locals = attempt.channel() == Channel.MX ? attempt.mail().to() : List.of(attempt.mail().to().get(1));
            List<Integer> perRecipient = new ArrayList<>();
            for (String address : locals) {
                Long account = accounts.get(address.toLowerCase(Locale.ROOT));
                assertThat(account).as("account of %s", address).isNotNull();
                perRecipient.add((int) stored.stream().filter(m -> m.accountId() == account).count());
            }
            softly.assertThat(stored).as("%s stored only for its recipients", id)
                    .allMatch(m -> locals.stream().anyMatch(a -> accounts.get(a.toLowerCase(Locale.ROOT)) == m.accountId()));
            String what = attempt.channel() + " " + id + " (" + (attempt.outcome() == null ? "no reply" : attempt.outcome()) + ")";
            if (attempt.accepted()) {
                softly.assertThat(perRecipient).as("copies per recipient of %s, acknowledged", what).containsOnly(1);
            } else {
                softly.assertThat(perRecipient.stream().distinct().toList())
                        .as("copies per recipient of %s: all or nothing, at most one", what).isIn(List.of(0), List.of(1));
            }
            if (attempt.channel() == Channel.SUBMISSION) {
                int sent = atSmarthost.getOrDefault(id, 0);
                if (attempt.accepted()) {
                    softly.assertThat(sent).as("copies of %s at the smarthost, acknowledged", what).isPositive();
                }
                softly.assertThat(sent).as("copies of %s at the smarthost", what).isLessThanOrEqualTo(2);
                if (sent == 2) {
                    duplicates++;
                    softly.assertThat(beforeKill.getOrDefault(id, 0)).as("%s sent twice: in flight at the kill", what)
                            .isEqualTo(1);
                }
                softly.assertThat(perRecipient.get(0)).as("local copy of %s exists iff it was queued", what)
                        .isEqualTo(sent > 0 ? 1 : 0);
            }
            tally.merge(attempt.channel() + (attempt.accepted() ? " 250" : attempt.outcome() == null ? " no reply"
                    : " " + attempt.outcome().code()), 1, Integer::sum);
        }
        softly.assertThat(duplicates).as("messages sent twice (in flight at the kill)").isLessThanOrEqualTo(DELIVERY_THREADS);
        softly.assertThat(atSmarthost.keySet()).as("the smarthost got only messages the clients sent")
                .isSubsetOf(attempts.stream().map(a -> a.mail().messageId()).toList());

        for (StoredMessage row : rows) {
            softly.assertThat(store.blobProblem(row.blobHash(), row.size())).as("blob of message row %d", row.id()).isNull();
        }
        for (MailStore.QueuedRecipient queued : store.queue()) {
            softly.assertThat(store.blobProblem(queued.blobHash(), queued.size())).as("blob of queued message %d",
                    queued.messageId()).isNull();
            softly.assertThat(queued.status()).as("queued recipient %s", queued.address()).isEqualTo("delivered");
        }
        softly.assertThat(store.blobRows()).as("blob rows").containsAll(rows.stream().map(StoredMessage::blobHash).toList());

        Map<Long, List<StoredMessage>> byMailbox = rows.stream().collect(Collectors.groupingBy(StoredMessage::mailboxId));
        for (Mailbox mailbox : store.mailboxes()) {
            List<StoredMessage> in = byMailbox.getOrDefault(mailbox.id(), List.of());
            String name = "mailbox " + mailbox.id() + " (" + mailbox.name() + ")";
            softly.assertThat(mailbox.messageCount()).as("%s message_count", name).isEqualTo(in.size());
            softly.assertThat(mailbox.unseenCount()).as("%s unseen_count", name)
                    .isEqualTo((int) in.stream().filter(m -> !m.seen()).count());
            softly.assertThat(mailbox.sizeBytes()).as("%s size_bytes", name)
                    .isEqualTo(in.stream().mapToLong(StoredMessage::size).sum());
            softly.assertThat(mailbox.uidNext()).as("%s uid_next", name)
                    .isGreaterThan(in.stream().mapToLong(StoredMessage::uid).max().orElse(0));
            softly.assertThat(mailbox.highestModseq()).as("%s highest_modseq", name)
                    .isGreaterThanOrEqualTo(in.stream().mapToLong(StoredMessage::modseq).max().orElse(0));
        }
        System.out.printf("%s: %s; %d message rows; %d sent twice to the smarthost%n", getClass().getSimpleName(),
                new java.util.TreeMap<>(tally), rows.size(), duplicates);
        softly.assertThat(tally.getOrDefault("MX 250", 0)).as("MX messages acknowledged").isGreaterThanOrEqualTo(BEFORE_KILL);
        softly.assertAll();
    }

    /** The restarted server takes new mail as before. */
    private static void stillServes(PreauServer server, MailStore store) throws Exception {
        Smtp.Mail mail = Smtp.mail("after-restart", "Parent Eleve <parent@example.org>", List.of(LOCAL.get(0)), 2_000);
        try (ScriptedClient client = Smtp.mx(server.mxPort())) {
            assertThat(Smtp.send(client, "parent@example.org", mail).accepted()).as("a message after the restart").isTrue();
        }
        assertThat(store.messages()).filteredOn(m -> mail.messageId().equals(m.messageId())).hasSize(1);
    }

    /** Copies received by the smarthost, by Message-ID. */
    private static Map<String, Integer> copies(List<SmtpSink.Transaction> transactions) {
        Map<String, Integer> copies = new HashMap<>();
        for (SmtpSink.Transaction t : transactions) {
            copies.merge(String.valueOf(Smtp.messageId(t.data())), 1, Integer::sum);
        }
        return copies;
    }
}
