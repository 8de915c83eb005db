package fr.preau.delivery.internal.smtp;

import fr.preau.platform.TlsMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP listener: a server socket and one virtual thread per connection, with blocking
 * reads and writes (docs/adr/0012). Enforces the connection limits (overall and per client
 * address: {@code 421 4.7.0} beyond) before a session starts; the sessions do the protocol.
 *
 * <p>{@link #stop} is graceful: it stops accepting, ends at once the sessions that wait for
 * a command outside a transaction ({@code 421 4.3.2}), gives the others the configured grace
 * period to finish their transaction, then closes what is left.
 */
public final class SmtpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpServer.class);

    private final SmtpListenerConfig config;
    private final SmtpHandler handler;
    private final TlsMaterial tls;
    private final Map<SmtpSession, Thread> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile ServerSocket serverSocket;
    private volatile boolean stopping;
    private Thread acceptor;

    /**
     * @param tls the certificate for STARTTLS or implicit TLS; may be {@code null} only for
     *            {@link TlsMode#NONE}
     */
    public SmtpServer(SmtpListenerConfig config, SmtpHandler handler, TlsMaterial tls) {
        if (config.tlsAvailable() && tls == null) {
            throw new IllegalArgumentException("SMTP listener " + config.name() + " needs TLS material for " + config.tlsMode());
        }
        this.config = config;
        this.handler = handler;
        this.tls = tls;
    }

    /** Binds the port and starts accepting; the certificate is loaded (or made) now, so that errors show at start. */
    public void start() throws IOException {
        lifecycle.lock();
        try {
            if (serverSocket != null) {
                throw new IllegalStateException("SMTP listener " + config.name() + " already started");
            }
            if (config.tlsAvailable()) {
                tls.serverContext();
            }
            MessageSpool.removeLeftovers(config.spoolDirectory(), Duration.ofDays(1));
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.bindAddress(), config.port()), 128);
            serverSocket = socket;
            acceptor = Thread.ofPlatform().daemon().name("smtp-" + config.name() + "-accept").start(this::acceptLoop);
            log.info("SMTP {} listening on {} ({}{})", config.name(), socket.getLocalSocketAddress(),
                    config.tlsMode(), config.authEnabled() ? ", AUTH" : "");
        } finally {
            lifecycle.unlock();
        }
    }

    /** The port the listener is bound to (useful with port 0). */
    public int port() {
        ServerSocket socket = serverSocket;
        if (socket == null) {
            throw new IllegalStateException("SMTP listener " + config.name() + " not started");
        }
        return socket.getLocalPort();
    }

    public SmtpListenerConfig config() {
        return config;
    }

    /** Sessions open now. */
    public int activeSessions() {
        return active.get();
    }

    public boolean running() {
        return serverSocket != null && !stopping;
    }

    /** Stops accepting, lets transactions in progress finish for the grace period, then closes every session. */
    public void stop() {
        lifecycle.lock();
        try {
            if (serverSocket == null || stopping) {
                return;
            }
            stopping = true;
            try {
                serverSocket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            join(List.of(acceptor), Duration.ofSeconds(2));
            runOnEach(SmtpSession::shutdownIfIdle);
            long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
            for (Thread thread : new ArrayList<>(sessions.values())) {
                join(List.of(thread), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            if (!sessions.isEmpty()) {
                runOnEach(SmtpSession::abort);
                join(sessions.values(), Duration.ofSeconds(1));
                sessions.keySet().forEach(SmtpSession::closeConnection);
                join(sessions.values(), Duration.ofSeconds(1));
            }
            log.info("SMTP {} stopped", config.name());
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public void close() {
        stop();
    }

    boolean stopping() {
        return stopping;
    }

    private void acceptLoop() {
        ThreadFactory threads = Thread.ofVirtual().name("smtp-" + config.name() + "-", 1).factory();
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!stopping) {
                    log.warn("SMTP {}: accept failed: {}", config.name(), e.toString());
                    pause();
                }
                continue;
            }
            InetAddress address = socket.getInetAddress();
            String refusal = admit(address);
            if (refusal != null) {
                Thread.ofVirtual().start(() -> refuse(socket, refusal));
                continue;
            }
            try {
                SmtpSession session = new SmtpSession(this, config, handler, tls, socket);
                Thread thread = threads.newThread(() -> {
                    try {
                        session.run();
                    } finally {
                        sessions.remove(session);
                        release(address);
                    }
                });
                sessions.put(session, thread);
                thread.start();
            } catch (IOException | RuntimeException e) {
                release(address);
                closeQuietly(socket);
                log.warn("SMTP {}: cannot start a session: {}", config.name(), e.toString());
            }
        }
    }

    /** Counts the connection in, or says why not. */
    private String admit(InetAddress address) {
        if (active.incrementAndGet() > config.maxConnections()) {
            active.decrementAndGet();
            return "Too many connections, try again later";
        }
        boolean[] admitted = {true};
        perAddress.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= config.maxConnectionsPerIp()) {
                admitted[0] = false;
                return count;
            }
            return current + 1;
        });
        if (!admitted[0]) {
            active.decrementAndGet();
            return "Too many connections from your address, try again later";
        }
        return null;
    }

    private void release(InetAddress address) {
        perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        active.decrementAndGet();
    }

    private void refuse(Socket socket, String text) {
        try (socket) {
            if (config.tlsMode() != TlsMode.IMPLICIT) { // no handshake for a connection turned away
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("421 4.7.0 " + config.hostname() + " " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.shutdownOutput();
            }
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    private void runOnEach(java.util.function.Consumer<SmtpSession> action) {
        List<Thread> helpers = new ArrayList<>();
        for (SmtpSession session : new ArrayList<>(sessions.keySet())) {
            helpers.add(Thread.ofVirtual().start(() -> action.accept(session)));
        }
        join(helpers, Duration.ofSeconds(3));
    }

    private static void join(java.util.Collection<Thread> threads, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread thread : new ArrayList<>(threads)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // e.g. out of file descriptors: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "SmtpServer[" + config.name() + (serverSocket == null ? "" : ":" + serverSocket.getLocalPort()) + "]";
    }
}
