package fr.preau.delivery.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rspamd client: against a real rspamd when this machine has one (started here on a free
 * port with a minimal configuration, no Redis, no network), and against small local HTTP
 * servers for what rspamd must not be able to break (silence, errors, nonsense).
 */
class RspamdSpamFilterTest {

    static final String HAM = """
            From: Jeanne Dupont <jeanne.dupont@example.org>
            To: paul.martin@ac-dijon.fr
            Subject: Réunion de jeudi
            Date: Tue, 1 Dec 2026 08:00:00 +0100
            Message-ID: <20261201.1@example.org>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit

            Bonjour Paul,

            la réunion de l'équipe pédagogique aura lieu jeudi à 17 h en salle 12.
            Pense à apporter les bulletins du premier trimestre.

            Bonne journée,
            Jeanne
            """.replace("\n", "\r\n");

    static final String GTUBE = HAM.replace("Pense à apporter", RuleBasedSpamFilter.GTUBE + "\r\nPense à apporter");

    /** Says "not spam" with a marker rule, so that a test can tell it decided. */
    static final SpamFilter FALLBACK = m -> SpamVerdict.of(0, 5, false, false, List.of("FALLBACK"));

    private HttpServer server;
    private Process rspamd;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(0);
        }
        if (rspamd != null) {
            rspamd.descendants().forEach(ProcessHandle::destroy);
            rspamd.destroy();
            if (!rspamd.waitFor(20, TimeUnit.SECONDS)) {
                rspamd.descendants().forEach(ProcessHandle::destroyForcibly);
                rspamd.destroyForcibly();
            }
        }
    }

    static InboundMessage message(String raw) throws Exception {
        InboundMessage.Envelope envelope = new InboundMessage.Envelope(InetAddress.getByName("127.0.0.1"),
                "mail.example.org", "jeanne.dupont@example.org", List.of("paul.martin@ac-dijon.fr"), null);
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return InboundMessageParser.parse(() -> new java.io.ByteArrayInputStream(bytes), envelope, null, List.of(), null);
    }

    private RspamdSpamFilter client(URI url, Duration timeout) {
        return new RspamdSpamFilter(new SpamProperties(5.0, null, url, timeout), FALLBACK);
    }

    private URI serve(int status, String body, CountDownLatch hold, Map<String, List<String>> seen) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/checkv2", exchange -> {
            seen.putAll(exchange.getRequestHeaders());
            seen.put("body", List.of(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            try {
                if (hold != null) {
                    hold.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] reply = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void sendsTheEnvelopeAndReadsTheVerdict() throws Exception {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        URI url = serve(200, """
                {"is_skipped":false,"score":12.5,"required_score":15.0,"action":"add header",
                 "symbols":{"PHISHING":{"name":"PHISHING","score":8.0},"ONCE_RECEIVED":{"name":"ONCE_RECEIVED","score":0.1},
                            "ARC_NA":{"name":"ARC_NA","score":0.0},"BAYES_SPAM":{"name":"BAYES_SPAM","score":4.4}}}
                """, null, seen);
        SpamVerdict verdict = client(url, Duration.ofSeconds(5)).check(message(HAM));
        assertThat(verdict.spam()).isTrue();
        assertThat(verdict.reject()).isFalse();
        assertThat(verdict.score()).isEqualTo(12.5);
        assertThat(verdict.rules()).containsExactly("PHISHING", "BAYES_SPAM", "ONCE_RECEIVED");
        assertThat(verdict.headerValue()).isEqualTo("Yes, score=12.5 required=15.0 tests=PHISHING,BAYES_SPAM,ONCE_RECEIVED");
        assertThat(seen.get("Ip")).containsExactly("127.0.0.1");
        assertThat(seen.get("Helo")).containsExactly("mail.example.org");
        assertThat(seen.get("From")).containsExactly("jeanne.dupont@example.org");
        assertThat(seen.get("Rcpt")).containsExactly("paul.martin@ac-dijon.fr");
        assertThat(seen).doesNotContainKey("User");
        assertThat(seen.get("body").getFirst()).isEqualTo(HAM);
    }

    @Test
    void rejectAndNoAction() throws Exception {
        URI reject = serve(200, "{\"score\":20,\"required_score\":15,\"action\":\"reject\",\"symbols\":{}}", null, new ConcurrentHashMap<>());
        SpamVerdict refused = client(reject, Duration.ofSeconds(5)).check(message(HAM));
        assertThat(refused.reject()).isTrue();
        assertThat(refused.spam()).isTrue();
        server.stop(0);
        URI fine = serve(200, "{\"score\":1.2,\"required_score\":15,\"action\":\"no action\",\"symbols\":{}}", null, new ConcurrentHashMap<>());
        SpamVerdict ham = client(fine, Duration.ofSeconds(5)).check(message(HAM));
        assertThat(ham.spam()).isFalse();
        assertThat(ham.headerValue()).isEqualTo("No, score=1.2 required=15.0 tests=none");
        server.stop(0);
        URI grey = serve(200, "{\"score\":6,\"required_score\":15,\"action\":\"greylist\",\"symbols\":{}}", null, new ConcurrentHashMap<>());
        assertThat(client(grey, Duration.ofSeconds(5)).check(message(HAM)).spam()).as("greylisting is not acted on").isFalse();
    }

    @Test
    void silenceErrorsAndNonsenseFallBackToTheBuiltInRules() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try {
            URI silent = serve(200, "{}", never, new ConcurrentHashMap<>());
            assertThat(client(silent, Duration.ofMillis(300)).check(message(HAM)).rules()).containsExactly("FALLBACK");
        } finally {
            never.countDown();
        }
        server.stop(0);
        URI error = serve(500, "oops", null, new ConcurrentHashMap<>());
        assertThat(client(error, Duration.ofSeconds(5)).check(message(HAM)).rules()).containsExactly("FALLBACK");
        server.stop(0);
        URI nonsense = serve(200, "<html>not rspamd</html>", null, new ConcurrentHashMap<>());
        assertThat(client(nonsense, Duration.ofSeconds(5)).check(message(HAM)).rules()).containsExactly("FALLBACK");
        server.stop(0);
        server = null;
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        assertThat(client(URI.create("http://127.0.0.1:" + closed), Duration.ofSeconds(2)).check(message(HAM)).rules())
                .as("nobody listening").containsExactly("FALLBACK");
    }

    @Test
    void aRealRspamdTellsGtubeFromHam(@TempDir Path dir) throws Exception {
        Path binary = Path.of("/usr/bin/rspamd");
        assumeTrue(Files.isExecutable(binary) && Files.isDirectory(Path.of("/etc/rspamd")),
                "rspamd is not installed on this machine (apt-get install rspamd): the real-server test is skipped");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(dir.resolve("local.d"));
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("db"));
        // our own main file: only the scanning worker, on our port; DNS pointed nowhere (no network here);
        // the host-name heuristics off, since without DNS they find every sender suspect
        Files.writeString(dir.resolve("rspamd.conf"), """
                .include "$CONFDIR/common.conf"
                options {
                    pidfile = "$RUNDIR/rspamd.pid";
                    .include "$CONFDIR/options.inc"
                    dns { nameserver = ["127.0.0.1:1"]; timeout = 1s; retransmits = 1; }
                }
                logging { type = "file"; filename = "$LOGDIR/rspamd.log"; level = "error"; }
                worker "normal" {
                    bind_socket = "127.0.0.1:%d";
                    .include "$CONFDIR/worker-normal.inc"
                    count = 1;
                }
                """.formatted(port));
        Files.writeString(dir.resolve("local.d/hfilter.conf"), "enabled = false;\n");
        rspamd = new ProcessBuilder(binary.toString(), "-f", "-i", "-c", dir.resolve("rspamd.conf").toString(),
                "--var", "CONFDIR=/etc/rspamd", "--var", "LOCAL_CONFDIR=" + dir, "--var", "RUNDIR=" + dir.resolve("run"),
                "--var", "DBDIR=" + dir.resolve("db"), "--var", "LOGDIR=" + dir)
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        awaitListening(port, Duration.ofSeconds(90));

        RspamdSpamFilter client = client(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(30));
        SpamVerdict gtube = client.check(message(GTUBE));
        assertThat(gtube.rules()).contains("GTUBE");
        assertThat(gtube.spam()).isTrue();
        assertThat(gtube.reject()).isTrue();
        SpamVerdict ham = client.check(message(HAM));
        assertThat(ham.rules()).doesNotContain("FALLBACK", "GTUBE");
        assertThat(ham.spam()).as(ham.headerValue()).isFalse();
    }

    private void awaitListening(int port, Duration limit) throws Exception {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!rspamd.isAlive()) {
                throw new IllegalStateException("rspamd exited with " + rspamd.exitValue());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("rspamd did not listen on " + port + " within " + limit);
    }
}
