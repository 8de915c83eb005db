package fr.preau.admin;

import static fr.preau.admin.Fixture.CARNOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.preau.admin.PreauJar.Cli;
import fr.preau.admin.PreauJar.Invocation;
import fr.preau.admin.PreauJar.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preau admin} while {@code preau serve} runs on the same embedded H2 data directory:
 * the server holds the database, the commands reach it through H2's automatic server mode,
 * and both sides see the same data.
 */
class AdminWhileServingIT {

    @TempDir
    Path work;

    @Test
    void adminAndServerShareTheEmbeddedDatabase() throws Exception {
        PreauJar.assumePackaged();
        Path data = Fixture.copyTo(work.resolve("data"));
        Cli cli = new Cli(data);
        int port = freePort();
        Path log = work.resolve("serve.log");
        Process server = cli.start(Map.of("PREAU_HTTP_PORT", Integer.toString(port)), log, "serve");
        String message = "Maintenance de test " + UUID.randomUUID();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            awaitHealthy(server, http, port, log);

            List<Result> whileServing = cli.parallel(
                    Invocation.of("account", "create", "--last-name", "Dupont", "--first-name", "Jean",
                            "--numen", "07T9412345JDP", "--role", "enseignant", "--uai", CARNOT),
                    Invocation.of("maintenance", "on", "--message-fr", message));
            assertThat(whileServing.get(0).expectExit(0).out()).contains("jdupont");
            whileServing.get(1).expectExit(0);

            // the server reads what the command line wrote: its pages carry the banner
            String page = awaitPageContaining(http, port, message);
            assertThat(page).contains("banner", message);
        } finally {
            stop(server);
        }
        String serverLog = Files.readString(log);
        assertThat(serverLog).doesNotContain("Database may be already in use", "07T9412345JDP");

        // and with the server gone, the command line opens the same file itself
        Result after = cli.admin("account", "show", "jdupont").expectExit(0);
        assertThat(after.out()).contains("jean.dupont@ac-dijon.fr", "07•••••••••DP");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitHealthy(Process server, HttpClient http, int port, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(PreauJar.TIMEOUT_SECONDS);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("preau serve exited (%d):%n%s", server.exitValue(), Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        fail("preau serve did not become healthy:%n%s", Files.readString(log));
    }

    /** The server caches the maintenance status for a few seconds: ask again until it shows. */
    private static String awaitPageContaining(HttpClient http, int port, String text) throws Exception {
        // /error is open to everyone and rendered with the common layout, banner included
        HttpRequest page = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build();
        String body = "";
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            body = http.send(page, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(text)) {
                return body;
            }
            Thread.sleep(1000);
        }
        return body;
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
