package fr.preau.delivery.internal.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server for tests, on a real socket: EHLO, STARTTLS (a self-signed certificate)
 * or TLS from the first byte, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT. It
 * records every transaction with the exact bytes received (dot-stuffing undone) and answers
 * each RCPT and the end of DATA as the test scripts it. Not a mock: Angus Mail talks real SMTP
 * to it.
 */
public final class SmtpSink implements AutoCloseable {

    public static final String NAME = "sink.test";

    /** One mail transaction as received. */
    public record Transaction(String ehlo, String mailFrom, List<String> recipients, byte[] data, boolean tls, String user) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final SSLContext tlsContext = TestCertificates.selfSigned(NAME);
    private final List<Transaction> transactions = new CopyOnWriteArrayList<>();
    private final List<String> mailCommands = new CopyOnWriteArrayList<>();
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private volatile boolean startTls = true;
    private volatile boolean implicitTls;
    private volatile boolean authRequired;
    private volatile Function<String, String> rcptReply = address -> "250 2.1.5 Ok";
    private volatile String dataReply = "250 2.0.0 Ok: queued";
    private volatile int connections;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    private SmtpSink(InetAddress address, int port) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, port));
        Thread.ofVirtual().name("smtp-sink-" + port()).start(this::accept);
    }

    /** A sink on 127.0.0.1, on a free port. */
    public static SmtpSink start() {
        return on("127.0.0.1", 0);
    }

    /** A sink on one loopback address and port (several sinks can share a port on 127.0.0.x). */
    public static SmtpSink on(String address, int port) {
        try {
            return new SmtpSink(InetAddress.getByName(address), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on (connections are refused). */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public SmtpSink offerStartTls(boolean offer) {
        this.startTls = offer;
        return this;
    }

    /** TLS from the first byte (like port 465) instead of STARTTLS. */
    public SmtpSink implicitTls() {
        this.implicitTls = true;
        return this;
    }

    /** Offers AUTH (after STARTTLS when TLS is offered) and refuses MAIL before it. */
    public SmtpSink requireAuth(String user, String password) {
        users.put(user, password);
        this.authRequired = true;
        return this;
    }

    /** The reply to each RCPT, by address (e.g. {@code "550 5.1.1 No such user"}); null: accept. */
    public SmtpSink rcptReplies(Function<String, String> replies) {
        this.rcptReply = address -> {
            String reply = replies.apply(address);
            return reply == null ? "250 2.1.5 Ok" : reply;
        };
        return this;
    }

    /** The reply at the end of DATA. */
    public SmtpSink dataReply(String reply) {
        this.dataReply = reply;
        return this;
    }

    public List<Transaction> transactions() {
        return List.copyOf(transactions);
    }

    /** The MAIL commands received, as sent (e.g. {@code MAIL FROM:<>}). */
    public List<String> mailCommands() {
        return List.copyOf(mailCommands);
    }

    public int connections() {
        return connections;
    }

    /** Sessions not ended yet (a client that died is seen as gone once its connection's end is read). */
    public int openSessions() {
        return open.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections++;
                open.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void serve(Socket plain) {
        try (Socket socket = implicitTls ? tls(plain) : plain) {
            socket.setSoTimeout(30_000);
            new Session(socket).run();
        } catch (IOException e) {
            // the client went away
        } finally {
            open.decrementAndGet();
        }
    }

    private SSLSocket tls(Socket socket) throws IOException {
        SSLSocket tls = (SSLSocket) tlsContext.getSocketFactory().createSocket(socket, NAME, socket.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }

    /** One SMTP session. */
    private final class Session {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean tls;
        private String user;
        private String ehlo;
        private String from;
        private final List<String> recipients = new ArrayList<>();

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            this.tls = socket instanceof SSLSocket;
        }

        void run() throws IOException {
            reply("220 " + NAME + " ESMTP test sink");
            String line;
            while ((line = readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO ")) {
                    ehlo = line.substring(5).strip();
                    List<String> lines = new ArrayList<>(List.of(NAME, "PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES"));
                    if (startTls && !tls && !implicitTls) {
                        lines.add("STARTTLS");
                    }
                    if (authRequired && (tls || !startTls)) {
                        lines.add("AUTH PLAIN LOGIN");
                    }
                    lines.add("SIZE 50000000");
                    for (int i = 0; i < lines.size(); i++) {
                        reply("250" + (i < lines.size() - 1 ? "-" : " ") + lines.get(i));
                    }
                } else if (upper.startsWith("HELO ")) {
                    ehlo = line.substring(5).strip();
                    reply("250 " + NAME);
                } else if (upper.equals("STARTTLS") && startTls && !tls) {
                    reply("220 2.0.0 Ready to start TLS");
                    socket = SmtpSink.this.tls(socket);
                    in = new java.io.BufferedInputStream(socket.getInputStream());
                    out = socket.getOutputStream();
                    tls = true;
                    reset();
                    ehlo = null;
                } else if (upper.startsWith("AUTH ")) {
                    auth(line.substring(5).strip());
                } else if (upper.startsWith("MAIL FROM:")) {
                    mailCommands.add(line);
                    if (authRequired && user == null) {
                        reply("530 5.7.0 Authentication required");
                        continue;
                    }
                    reset();
                    from = path(line.substring(10));
                    reply("250 2.1.0 Ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    if (from == null) {
                        reply("503 5.5.1 MAIL first");
                        continue;
                    }
                    String address = path(line.substring(8));
                    String answer = rcptReply.apply(address);
                    if (answer.startsWith("2")) {
                        recipients.add(address);
                    }
                    reply(answer);
                } else if (upper.equals("DATA")) {
                    if (recipients.isEmpty()) {
                        reply("554 5.5.1 No valid recipients");
                        continue;
                    }
                    reply("354 End data with <CR><LF>.<CR><LF>");
                    byte[] data = readData();
                    String answer = dataReply;
                    if (answer.startsWith("2")) {
                        transactions.add(new Transaction(ehlo, from, List.copyOf(recipients), data, tls, user));
                    }
                    reset();
                    reply(answer);
                } else if (upper.equals("RSET")) {
                    reset();
                    reply("250 2.0.0 Ok");
                } else if (upper.equals("NOOP")) {
                    reply("250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply("221 2.0.0 Bye");
                    return;
                } else {
                    reply("502 5.5.2 Command not recognized");
                }
            }
        }

        private void auth(String arguments) throws IOException {
            String[] parts = arguments.split(" ", 2);
            String mechanism = parts[0].toUpperCase(Locale.ROOT);
            String name;
            String password;
            if (mechanism.equals("PLAIN")) {
                String initial = parts.length > 1 ? parts[1] : challenge("");
                String[] fields = new String(Base64.getDecoder().decode(initial), StandardCharsets.UTF_8).split("\0", -1);
                name = fields.length == 3 ? fields[1] : "";
                password = fields.length == 3 ? fields[2] : "";
            } else if (mechanism.equals("LOGIN")) {
                name = decode(parts.length > 1 ? parts[1] : challenge("VXNlcm5hbWU6"));
                password = decode(challenge("UGFzc3dvcmQ6"));
            } else {
                reply("504 5.5.4 Unrecognized authentication type");
                return;
            }
            if (password.equals(users.get(name))) {
                user = name;
                reply("235 2.7.0 Authentication successful");
            } else {
                reply("535 5.7.8 Authentication credentials invalid");
            }
        }

        private String challenge(String prompt) throws IOException {
            reply("334 " + prompt);
            return readLine();
        }

        private String decode(String base64) {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        }

        private void reset() {
            from = null;
            recipients.clear();
        }

        /** The address inside {@code <...>}, parameters after it left out. */
        private String path(String argument) {
            String a = argument.strip();
            int end = a.indexOf('>');
            return a.startsWith("<") && end > 0 ? a.substring(1, end) : a.split(" ")[0];
        }

        private void reply(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** One line without its CRLF, or null at end of input. */
        private String readLine() throws IOException {
            byte[] line = readRawLine();
            if (line == null) {
                return null;
            }
            int length = line.length;
            while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
                length--;
            }
            return new String(line, 0, length, StandardCharsets.UTF_8);
        }

        /** One line with its line end, or null at end of input. */
        private byte[] readRawLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                line.write(c);
                if (c == '\n') {
                    return line.toByteArray();
                }
            }
            return line.size() == 0 ? null : line.toByteArray();
        }

        /**
         * The message up to the line with a single dot, dot-stuffing undone. A connection that
         * ends before that line (the client died) is no transaction: nothing is recorded.
         */
        private byte[] readData() throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            byte[] line;
            while ((line = readRawLine()) != null) {
                if (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n') {
                    return data.toByteArray();
                }
                int from = line.length > 0 && line[0] == '.' ? 1 : 0;
                data.write(line, from, line.length - from);
            }
            throw new java.io.EOFException("connection ended inside DATA");
        }
    }
}
