package fr.preau.delivery.internal.smtp;

import fr.preau.platform.TlsMaterial;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection, on its own virtual thread: greeting, then commands one by one until
 * QUIT, an error limit, a timeout or the server's shutdown. Holds the session's state (HELO
 * name, TLS, authenticated user, the transaction in progress) and what commands share:
 * replies, reading lines and messages, starting TLS, calling the handler safely.
 *
 * <p>Logs one line when it ends (address, HELO name, TLS, user, counts, how it ended); never
 * AUTH exchanges, passwords or message content.
 */
final class SmtpSession implements SmtpSessionInfo, Runnable {

    static final int MAX_COMMAND_LINE = 2000;   // RFC 5321 asks for 512; clients' long AUTH lines fit
    static final int MAX_AUTH_LINE = 12288;     // RFC 4954 section 4
    private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);
    private static final Set<Integer> ERRORS = Set.of(500, 501, 502, 503, 504, 530, 535, 538, 555);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmtpServer server;
    private final SmtpListenerConfig config;
    private final SmtpHandler handler;
    private final TlsMaterial tlsMaterial;
    private final Socket raw;
    private final String id;
    private final InetSocketAddress remote;
    private final SmtpInput input;
    private final SmtpOutput output;
    private final ReentrantLock idleLock = new ReentrantLock();

    private Socket socket;
    private Optional<String> remoteHostName = Optional.empty();
    private String helo;
    private boolean extended;
    private Tls tls;
    private String user;
    private Transaction transaction;
    private volatile boolean inTransaction;
    private int transactionCount;
    private boolean lastMailRefused;
    private boolean refused;
    private boolean closing;
    private int errors;
    private boolean waitingForCommand;
    private volatile boolean shutDown;
    private boolean handlerCalled;
    private String end = "quit";
    private int messagesAccepted;
    private int messagesRefused;
    private int recipientsAccepted;
    private int recipientsRefused;

    SmtpSession(SmtpServer server, SmtpListenerConfig config, SmtpHandler handler, TlsMaterial tlsMaterial,
                Socket raw) throws IOException {
        this.server = server;
        this.config = config;
        this.handler = handler;
        this.tlsMaterial = tlsMaterial;
        this.raw = raw;
        this.socket = raw;
        this.id = HexFormat.of().toHexDigits(RANDOM.nextLong());
        this.remote = (InetSocketAddress) raw.getRemoteSocketAddress();
        this.output = new SmtpOutput(raw.getOutputStream());
        this.input = new SmtpInput(raw.getInputStream(), output::flush);
    }

    // ---- SmtpSessionInfo

    @Override
    public String id() {
        return id;
    }

    @Override
    public ListenerKind listener() {
        return config.kind();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public Optional<String> remoteHostName() {
        return remoteHostName;
    }

    @Override
    public Optional<String> heloName() {
        return Optional.ofNullable(helo);
    }

    @Override
    public boolean extended() {
        return extended;
    }

    @Override
    public Optional<Tls> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(user);
    }

    // ---- the connection

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            raw.setTcpNoDelay(true);
            raw.setSoTimeout(millis(config.commandTimeout()));
            if (config.tlsMode() == TlsMode.IMPLICIT && !handshake()) {
                return;
            }
            remoteHostName = lookUpName();
            if (!greet()) {
                return;
            }
            while (!closing) {
                SmtpInput.Line line = nextCommand();
                if (line == null) {
                    if (!closing) {
                        end = shutDown ? "shutdown" : "disconnected";
                    }
                    break;
                }
                dispatch(line);
                if (!closing && errors >= config.maxErrors()) {
                    closeWith(421, "4.7.0", "Too many errors, closing connection", "too many errors");
                }
                if (!closing && server.stopping() && transaction == null) {
                    closeWith(421, "4.3.2", "Service shutting down, closing connection", "shutdown");
                }
            }
            output.flush();
        } catch (SocketTimeoutException e) {
            end = "timeout";
            output.tryWriteNow("421 4.4.2 " + config.hostname() + " Timeout, closing connection\r\n");
        } catch (EOFException e) {
            end = "disconnected";
        } catch (IOException e) {
            end = shutDown ? "shutdown" : "connection lost (" + e.getClass().getSimpleName() + ")";
        } catch (RuntimeException e) {
            end = "error";
            log.warn("SMTP {} session {}: unexpected error", config.name(), id, e);
            output.tryWriteNow("421 4.3.0 " + config.hostname() + " Internal error, closing connection\r\n");
        } finally {
            finish(started);
        }
    }

    private boolean greet() throws IOException {
        SmtpReply decision;
        handlerCalled = true;
        try {
            decision = handler.connect(this);
            if (decision == null) {
                throw new IllegalStateException("connect returned no reply");
            }
        } catch (RuntimeException e) {
            log.warn("SMTP {} handler failed on connect (session {})", config.name(), id, e);
            closeWith(421, "4.3.0", "Temporary server error, try again later", "handler error");
            output.flush();
            return false;
        }
        if (decision.positive()) {
            output.writeBanner(220, null, config.hostname(), decision.text());
        } else if (decision.transientFailure()) {
            closeWith(decision.code(), decision.enhancedCode(), decision.text(), "refused");
            output.flush();
            return false;
        } else {
            output.writeBanner(decision.code(), decision.enhancedCode(), config.hostname(), decision.text());
            refused = true;
            end = "refused";
        }
        output.flush();
        return true;
    }

    private SmtpInput.Line nextCommand() throws IOException {
        idleLock.lock();
        try {
            if (shutDown) {
                return null;
            }
            waitingForCommand = true;
        } finally {
            idleLock.unlock();
        }
        SmtpInput.Line line;
        try {
            line = input.readLine(MAX_COMMAND_LINE);
        } finally {
            idleLock.lock();
            try {
                waitingForCommand = false;
            } finally {
                idleLock.unlock();
            }
        }
        return shutDown ? null : line;
    }

    private void dispatch(SmtpInput.Line line) throws IOException {
        if (line.tooLong()) {
            reply(SmtpReply.of(500, "5.5.2", "Line too long"));
            return;
        }
        String text = line.text();
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        SmtpCommand command = Commands.find(verb);
        if (refused && !(command instanceof QuitCommand)) {
            reply(SmtpReply.of(503, "5.5.1", "Service refused, send QUIT"));
        } else if (command == null) {
            reply(SmtpReply.of(500, "5.5.2", "Command not recognized"));
        } else {
            command.execute(this, argument);
        }
    }

    private void finish(long started) {
        if (transaction != null) {
            abandonTransaction();
        }
        if (handlerCalled) {
            try {
                handler.close(this);
            } catch (RuntimeException e) {
                log.warn("SMTP {} handler failed on close (session {})", config.name(), id, e);
            }
        }
        try {
            socket.setSoTimeout(2000); // TLS close_notify must not hold the thread for the command timeout
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(socket);
        closeQuietly(raw);
        if (log.isInfoEnabled()) {
            log.info("SMTP {} session {} from {} helo={} tls={} auth={} messages={}/{} recipients={}/{} errors={} "
                            + "end={} {}ms",
                    config.name(), id, Addresses.text(remote.getAddress()),
                    helo == null ? "-" : ReceivedHeader.safe(helo),
                    tls == null ? "no" : tls.protocol(), user == null ? "no" : ReceivedHeader.safe(user),
                    messagesAccepted, messagesAccepted + messagesRefused,
                    recipientsAccepted, recipientsAccepted + recipientsRefused, errors, end,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    // ---- what commands use

    SmtpListenerConfig config() {
        return config;
    }

    SmtpHandler handler() {
        return handler;
    }

    String hostname() {
        return config.hostname();
    }

    /** Queues a reply; protocol errors count towards the error limit; a 421 ends the session. */
    void reply(SmtpReply reply) throws IOException {
        if (ERRORS.contains(reply.code())) {
            errors++;
        }
        send(reply);
    }

    /** Queues an error reply that does not count towards the limit (the expected fallout of a refused MAIL). */
    void replyUncounted(SmtpReply reply) throws IOException {
        send(reply);
    }

    /** Sends a reply the client waits for before it goes on (354, 334, STARTTLS, end of DATA, QUIT). */
    void replyNow(SmtpReply reply) throws IOException {
        reply(reply);
        output.flush();
    }

    private void send(SmtpReply reply) throws IOException {
        output.write(reply);
        if (reply.code() == 421) {
            closing = true;
            end = "421";
        }
    }

    private void closeWith(int code, String enhanced, String text, String why) throws IOException {
        output.writeBanner(code, enhanced, config.hostname(), text);
        closing = true;
        end = why;
    }

    /** QUIT: the session ends once the reply is sent. */
    void quit() {
        closing = true;
        end = "quit";
    }

    /** The session ends once the pending replies are sent. */
    void endAfterReply(String why) {
        closing = true;
        end = why;
    }

    boolean greeted() {
        return helo != null;
    }

    /** HELO or EHLO: a new greeting, which also ends any transaction. */
    void greeted(String name, boolean extendedSmtp) {
        if (transaction != null) {
            abandonTransaction();
        }
        helo = name;
        extended = extendedSmtp;
    }

    boolean lastMailRefused() {
        return lastMailRefused;
    }

    void mailRefused() {
        lastMailRefused = true;
    }

    Transaction transaction() {
        return transaction;
    }

    void beginTransaction(String reversePath, Map<String, String> parameters) {
        transactionCount++;
        transaction = new Transaction(id + "." + transactionCount, reversePath, parameters);
        inTransaction = true;
        lastMailRefused = false;
    }

    /** RSET (or a new EHLO, STARTTLS, the connection lost): the handler is told. */
    void abandonTransaction() {
        boolean had = transaction != null;
        endTransaction();
        lastMailRefused = false;
        if (had) {
            try {
                handler.reset(this);
            } catch (RuntimeException e) {
                log.warn("SMTP {} handler failed on reset (session {})", config.name(), id, e);
            }
        }
    }

    /** The end of DATA, whatever the handler answered. */
    void endTransaction() {
        transaction = null;
        inTransaction = false;
    }

    void recipientAccepted() {
        recipientsAccepted++;
    }

    void recipientRefused() {
        recipientsRefused++;
    }

    void messageHandled(boolean accepted) {
        if (accepted) {
            messagesAccepted++;
        } else {
            messagesRefused++;
        }
    }

    void authenticated(String name) {
        user = name;
    }

    /** Whether STARTTLS can be used now (offered by the listener, not started yet). */
    boolean canStartTls() {
        return (config.tlsMode() == TlsMode.STARTTLS || config.tlsMode() == TlsMode.STARTTLS_REQUIRED) && tls == null;
    }

    /** Whether AUTH is offered now: on listeners that have it, over TLS only. */
    boolean authOffered() {
        return config.authEnabled() && tls != null && user == null;
    }

    /**
     * After STARTTLS's 220: drops the plain text the client sent after STARTTLS (never to be
     * taken as commands, CVE-2011-0411), does the handshake and forgets what the client said
     * before (RFC 3207 section 4.2). On a failed handshake the session ends.
     */
    boolean startTls() throws IOException {
        output.flush();
        int dropped = input.switchTo(raw.getInputStream());
        if (dropped > 0) {
            log.debug("SMTP {} session {}: dropped {} bytes sent before the TLS handshake", config.name(), id, dropped);
        }
        if (!handshake()) {
            return false;
        }
        if (transaction != null) {
            abandonTransaction();
        }
        helo = null;
        extended = false;
        user = null;
        return true;
    }

    private boolean handshake() throws IOException {
        SSLSocket ssl = (SSLSocket) tlsMaterial.serverContext().getSocketFactory().createSocket(raw, null, true);
        ssl.setSSLParameters(tlsMaterial.serverParameters());
        ssl.setUseClientMode(false);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            log.debug("SMTP {} session {}: TLS handshake failed: {}", config.name(), id, e.toString());
            closing = true;
            end = "TLS handshake failed";
            return false;
        }
        SSLSession negotiated = ssl.getSession();
        tls = new Tls(negotiated.getProtocol(), negotiated.getCipherSuite());
        socket = ssl;
        input.switchTo(ssl.getInputStream());
        output.switchTo(ssl.getOutputStream());
        return true;
    }

    /** A line of the AUTH exchange. */
    SmtpInput.Line readAuthLine() throws IOException {
        SmtpInput.Line line = input.readLine(MAX_AUTH_LINE);
        if (line == null) {
            throw new EOFException("connection closed during AUTH");
        }
        return line;
    }

    /** Reads a message after 354, with the DATA timeout. */
    MessageReader.Result receiveMessage(MessageSpool spool) throws IOException {
        socket.setSoTimeout(millis(config.dataTimeout()));
        MessageReader.Result result = new MessageReader(input, spool, config.maxMessageSize()).read();
        socket.setSoTimeout(millis(config.commandTimeout()));
        return result;
    }

    /**
     * Calls the handler: its reply with an enhanced code, or {@code 451 4.3.0} if it threw or
     * answered nonsense (logged without any message content).
     */
    SmtpReply ask(String step, Supplier<SmtpReply> call) {
        try {
            SmtpReply reply = call.get();
            if (reply == null || reply.code() / 100 == 3) {
                throw new IllegalStateException("handler gave no usable reply: " + reply);
            }
            return reply.withEnhancedCode();
        } catch (RuntimeException e) {
            log.warn("SMTP {} handler failed in {} (session {})", config.name(), step, id, e);
            return SmtpReply.of(451, "4.3.0", "Temporary server error, try again later");
        }
    }

    /** The handler's AUTH decision; a temporary failure if it threw. */
    AuthResult authenticate(String name, String password) {
        try {
            AuthResult result = handler.authenticate(this, name, password);
            return result == null ? AuthResult.temporaryFailure() : result;
        } catch (RuntimeException e) {
            log.warn("SMTP {} handler failed in AUTH (session {}): {}", config.name(), id, e.getClass().getName());
            return AuthResult.temporaryFailure();
        }
    }

    // ---- shutdown, from the server's thread

    /** Ends the session now if it waits for a command outside a transaction; whether it did. */
    boolean shutdownIfIdle() {
        idleLock.lock();
        try {
            if (!waitingForCommand || inTransaction || shutDown) {
                return false;
            }
            shutDown = true;
        } finally {
            idleLock.unlock();
        }
        sayGoodbyeAndClose();
        return true;
    }

    /** Ends the session whatever it is doing (the grace period is over). */
    void abort() {
        idleLock.lock();
        try {
            if (shutDown) {
                return;
            }
            shutDown = true;
        } finally {
            idleLock.unlock();
        }
        sayGoodbyeAndClose();
    }

    /** Closes the TCP connection under everything (unblocks any read or write). */
    void closeConnection() {
        closeQuietly(raw);
    }

    private void sayGoodbyeAndClose() {
        output.tryWriteNow("421 4.3.2 " + config.hostname() + " Service shutting down, closing connection\r\n");
        closeQuietly(raw);
    }

    // ----

    private Optional<String> lookUpName() {
        try {
            return config.reverseDns().nameOf(remote.getAddress()).filter(name -> !name.isBlank());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
