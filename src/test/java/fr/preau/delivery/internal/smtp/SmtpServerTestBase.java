package fr.preau.delivery.internal.smtp;

import fr.preau.platform.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts real SMTP listeners on free loopback ports for a test, with one self-signed
 * certificate for the whole test run (RSA key generation is slow), and a client TLS context
 * that trusts it; stops them after each test.
 */
abstract class SmtpServerTestBase {

    static final String HOSTNAME = "mx.ac-test.fr";
    private static TlsMaterial tls;
    private static SSLContext clientContext;

    @TempDir
    Path spool;

    final RecordingHandler handler = new RecordingHandler();
    private final List<SmtpServer> servers = new ArrayList<>();

    static synchronized TlsMaterial tls() {
        if (tls == null) {
            try {
                Path directory = Files.createTempDirectory("preau-smtp-tls");
                directory.toFile().deleteOnExit();
                tls = new TlsMaterial(directory, "localhost", null, null, Clock.systemUTC());
                tls.serverContext();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tls;
    }

    /** A client context that trusts the test certificate (and nothing else). */
    static synchronized SSLContext clientContext() {
        if (clientContext == null) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setCertificateEntry("test", tls().certificateChain().getFirst());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                clientContext = context;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return clientContext;
    }

    /** An MX listener's settings on a free loopback port. */
    SmtpListenerConfig.Builder mx() {
        return SmtpListenerConfig.builder("mx", ListenerKind.MX)
                .bindAddress(InetAddress.getLoopbackAddress())
                .port(0)
                .hostname(HOSTNAME)
                .spoolDirectory(spool)
                .shutdownGrace(Duration.ofSeconds(1));
    }

    /** A submission listener's settings (STARTTLS and AUTH required). */
    SmtpListenerConfig.Builder submission() {
        return SmtpListenerConfig.builder("submission", ListenerKind.SUBMISSION)
                .bindAddress(InetAddress.getLoopbackAddress())
                .port(0)
                .hostname(HOSTNAME)
                .tlsMode(TlsMode.STARTTLS_REQUIRED)
                .authEnabled(true)
                .authRequired(true)
                .spoolDirectory(spool)
                .shutdownGrace(Duration.ofSeconds(1));
    }

    SmtpServer start(SmtpListenerConfig.Builder config) throws IOException {
        return start(config, handler);
    }

    SmtpServer start(SmtpListenerConfig.Builder config, SmtpHandler with) throws IOException {
        SmtpServer server = new SmtpServer(config.build(), with, tls());
        server.start();
        servers.add(server);
        return server;
    }

    /** A client connected to {@code server} that has read the greeting. */
    ScriptedClient greeted(SmtpServer server) throws IOException {
        ScriptedClient client = ScriptedClient.connect(server.port());
        client.expect(220);
        return client;
    }

    /** Files left in the spool directory. */
    List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(SmtpServer::stop);
    }
}
