package fr.preau.delivery.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code preau.exec.jar}, set by the pom for failsafe) run as a separate
 * process with {@code preau demo}: demo académies and accounts, the data directory and
 * database given, fresh free ports for HTTP, the MX and submission on every start (the
 * implicit-TLS listener off), static DNS, remote mail relayed to a smarthost in the test JVM.
 * {@link #kill()} ends it with SIGKILL, {@link #stop()} as an administrator would (SIGTERM).
 */
final class PreauServer implements AutoCloseable {

    /** What the demo prints once everything listens and the demo data is there. */
    static final String READY = "demo is running";
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m",
            "-XX:-UsePerfData", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int mxPort;
    private final int submissionPort;

    private PreauServer(Process process, Path log, int httpPort, int mxPort, int submissionPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.mxPort = mxPort;
        this.submissionPort = submissionPort;
    }

    /** Skips the calling test unless failsafe gave the packaged jar. */
    static void assumePackaged() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("preau.exec.jar") != null,
                "needs the packaged jar: run by failsafe (mvn verify)");
    }

    /**
     * The environment of a server on {@code dataDir} relaying to a smarthost on {@code sinkPort}:
     * plain SMTP to it, the queue looked at every second, short leases (so that recipients a
     * killed server had taken are taken again within seconds, not the production 30 minutes),
     * sending and login limits out of the way of a load test.
     */
    static Map<String, String> environment(Path dataDir, int sinkPort) {
        Map<String, String> env = new HashMap<>();
        env.put("PREAU_DATA_DIR", dataDir.toString());
        env.put("PREAU_DNS_MODE", "static");
        env.put("PREAU_CAPTCHA_ENABLED", "false");
        env.put("PREAU_HOSTNAME", "mx.durability.test");
        env.put("PREAU_SMARTHOST_HOST", "127.0.0.1");
        env.put("PREAU_SMARTHOST_PORT", Integer.toString(sinkPort));
        env.put("PREAU_SMARTHOST_TLS", "none");
        env.put("PREAU_DELIVERY_POLLINTERVAL", "1s");
        env.put("PREAU_DELIVERY_LEASE", "5s");
        env.put("PREAU_SUBMISSION_MESSAGES_PER_HOUR", "1000000");
        env.put("PREAU_SUBMISSION_RECIPIENTS_PER_DAY", "1000000");
        env.put("PREAU_LOGIN_PERIPPERMINUTE", "10000");
        env.put("PREAU_SUBMISSIONS_PORT", "-1");
        return env;
    }

    /** The environment of a server on PostgreSQL database {@code url}. */
    static Map<String, String> onPostgres(Map<String, String> env, String url, String user, String password) {
        Map<String, String> more = new HashMap<>(env);
        more.put("PREAU_DB_URL", url);
        more.put("PREAU_DB_USER", user);
        more.put("PREAU_DB_PASSWORD", password);
        return more;
    }

    /** Starts {@code preau demo} with {@code env} and fresh ports; returns once it is ready. */
    static PreauServer start(Map<String, String> env, Path log) throws IOException, InterruptedException {
        int http = freePort();
        int mx = freePort();
        int submission = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar().toString());
        command.add("demo");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PREAU_") || name.startsWith("SPRING_")
                || name.startsWith("LC_") || name.equals("LANGUAGE"));
        environment.put("LANG", "C.UTF-8");
        environment.putAll(env);
        environment.put("PREAU_HTTP_PORT", Integer.toString(http));
        environment.put("PREAU_SMTP_PORT", Integer.toString(mx));
        environment.put("PREAU_SUBMISSION_PORT", Integer.toString(submission));
        Process process = builder.start();
        process.getOutputStream().close();
        PreauServer server = new PreauServer(process, log, http, mx, submission);
        server.awaitReady();
        return server;
    }

    /** Where a server's output goes: {@code target/durability/<test>-<name>.log}, kept for a look after a failure. */
    static Path logFile(Class<?> test, String name) throws IOException {
        Path dir = Path.of("target", "durability");
        Files.createDirectories(dir);
        return dir.resolve(test.getSimpleName() + "-" + name + ".log");
    }

    /**
     * The HTTP status of {@code /actuator/health} (200 when everything it checks, the database
     * included, is up; 503 when something is down), or -1 when it does not answer in time.
     */
    int health() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    int mxPort() {
        return mxPort;
    }

    int submissionPort() {
        return submissionPort;
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Writes the server's threads (virtual ones included) to {@code file}, for a look after a failure. */
    void threadDump(Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Files.deleteIfExists(file);
            new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.dump_to_file", "-format=text",
                    file.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // a diagnostic only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no close of the
     * database, nothing flushed. Checks that the process is gone and died of signal 9.
     */
    void kill() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed server gone").isTrue();
        assertThat(process.exitValue()).as("exit status of a process killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(handle.isAlive()).isFalse();
        assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive)).as("no process left").isEmpty();
        // a graceful stop logs from Spring's shutdown hook thread ("SpringApplicationShutdownHook")
        assertThat(log()).as("the killed server's log").doesNotContain("ShutdownHook");
    }

    /** Stops the server as {@code kill -TERM} would, forcibly after a minute. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (log().contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                fail("preau demo exited (%d):%n%s", process.exitValue(), log());
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        fail("preau demo did not start in %s:%n%s", START_TIMEOUT, log());
    }

    static Path jar() {
        String path = System.getProperty("preau.exec.jar");
        assertThat(path).as("system property preau.exec.jar (set by the pom for failsafe)").isNotBlank();
        Path jar = Path.of(path);
        assertThat(jar).as("packaged jar").isRegularFile();
        return jar;
    }

    private static String java() {
        Optional<String> current = ProcessHandle.current().info().command();
        return current.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
