package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A raw SMTP client for tests: sends lines or bytes exactly as given and reads replies line
 * by line, so that tests see the server's wire format (codes, enhanced codes, multi-line
 * replies, what comes when). Every read gives up after 10 seconds so a broken server fails a
 * test instead of hanging it.
 */
public final class ScriptedClient implements AutoCloseable {

    /** One reply: its code and lines (without code and separator). */
    public record Reply(int code, List<String> lines, List<String> raw) {

        String text() {
            return String.join("\n", lines);
        }

        /** The enhanced status code at the start of the last line, or {@code null}. */
        String enhanced() {
            String last = lines.getLast();
            int space = last.indexOf(' ');
            String first = space < 0 ? last : last.substring(0, space);
            return first.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") ? first : null;
        }

        @Override
        public String toString() {
            return String.join(" | ", raw);
        }
    }

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private ScriptedClient(Socket socket) throws IOException {
        use(socket);
    }

    public static ScriptedClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true); // no Nagle delay between a message and its final "."
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return new ScriptedClient(socket);
    }

    /** Connects with TLS from the first byte (port 465 style). */
    public static ScriptedClient connectTls(int port, SSLContext context) throws IOException {
        ScriptedClient client = connect(port);
        client.startTls(context);
        return client;
    }

    public ScriptedClient send(String line) throws IOException {
        return sendRaw(line + "\r\n");
    }

    public ScriptedClient sendRaw(String text) throws IOException {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    public ScriptedClient sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a line and reads the reply. */
    public Reply command(String line) throws IOException {
        send(line);
        return read();
    }

    /** Sends a line and checks the reply's code. */
    public Reply expect(String line, int code) throws IOException {
        Reply reply = command(line);
        assertThat(reply.code()).as("reply to %s: %s", line, reply).isEqualTo(code);
        return reply;
    }

    /** Reads a reply and checks its code. */
    public Reply expect(int code) throws IOException {
        Reply reply = read();
        assertThat(reply.code()).as("reply %s", reply).isEqualTo(code);
        return reply;
    }

    /** Reads one whole reply, multi-line ones included. */
    public Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed by the server; read so far: " + raw);
            }
            raw.add(line);
            assertThat(line).as("reply line").matches("\\d{3}([ -].*)?");
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                int code = Integer.parseInt(line.substring(0, 3));
                for (String each : raw) {
                    assertThat(each).as("same code on every line").startsWith(String.valueOf(code));
                }
                return new Reply(code, lines, raw);
            }
        }
    }

    /** EHLO, returning the extension keywords (the lines after the first). */
    public List<String> ehlo(String name) throws IOException {
        Reply reply = expect("EHLO " + name, 250);
        return reply.lines().subList(1, reply.lines().size());
    }

    /** Whether the server closed the connection (reads to the end, within the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Does a client TLS handshake over the connection (after STARTTLS's 220, or at once). */
    public void startTls(SSLContext context) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, "localhost", socket.getPort(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(List.of(new SNIHostName("localhost")));
        ssl.setSSLParameters(parameters);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        use(ssl);
    }

    public SSLSocket tlsSocket() {
        return (SSLSocket) socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void use(Socket next) throws IOException {
        socket = next;
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                assertThat(text).as("replies end in CRLF").endsWith("\r");
                return text.substring(0, text.length() - 1);
            }
            line.write(b);
        }
    }
}
