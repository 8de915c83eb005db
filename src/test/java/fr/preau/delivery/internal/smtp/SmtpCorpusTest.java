package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message of the shared corpus (malformed ones included: bad line endings, long lines,
 * 8-bit headers) sent through the MX listener, dot-stuffed as a client does, comes out as the
 * same lines, each ended by CRLF, after the one Received: field the server adds.
 */
class SmtpCorpusTest extends SmtpServerTestBase {

    @Test
    void everyCorpusMessageArrivesLineForLine() throws Exception {
        List<Path> files = Corpus.files("mime");
        assertThat(files).hasSizeGreaterThan(100);
        SmtpServer server = start(mx());
        try (ScriptedClient client = greeted(server)) {
            client.ehlo("client.example.org");
            for (Path file : files) {
                String lines = normalised(Files.readAllBytes(file));
                client.expect("MAIL FROM:<corpus@example.org> BODY=8BITMIME", 250);
                client.expect("RCPT TO:<b@ac-test.fr>", 250);
                client.expect("DATA", 354);
                client.sendRaw(stuffed(lines).getBytes(StandardCharsets.ISO_8859_1));
                client.sendRaw(".\r\n");
                client.expect(250);
                RecordingHandler.Delivery delivery = handler.deliveries.getLast();
                String received = new String(delivery.bytes(), StandardCharsets.ISO_8859_1);
                assertThat(received).as(file.toString()).startsWith("Received: from client.example.org");
                assertThat(received.substring(received.indexOf(";")).indexOf("\r\n")).isPositive();
                String body = received.substring(received.indexOf("\r\n", received.indexOf(";")) + 2);
                assertThat(body).as(file.toString()).isEqualTo(lines);
            }
            client.expect("QUIT", 221);
        }
        assertThat(handler.deliveries).hasSize(files.size());
        assertThat(spoolFiles()).isEmpty();
    }

    /** The file's lines (ended by CRLF, LF or CR) each ended by CRLF. */
    private static String normalised(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("\r\n|\r|\n", "\r\n");
        return text.isEmpty() || text.endsWith("\r\n") ? text : text + "\r\n";
    }

    /** RFC 5321 section 4.5.2: a "." is added before every line that starts with one. */
    private static String stuffed(String lines) {
        return (lines.startsWith(".") ? "." : "") + lines.replace("\r\n.", "\r\n..");
    }
}
