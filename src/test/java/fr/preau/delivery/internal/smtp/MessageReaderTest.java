package fr.preau.delivery.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DATA reader on its own: end of data, dot-unstuffing, line endings, size, hop count. */
class MessageReaderTest {

    @TempDir
    Path spoolDirectory;

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain                      | a\\r\\nb\\r\\n.\\r\\n                | a\\r\\nb\\r\\n
            empty message              | .\\r\\n                            | ''
            dot-stuffed line           | ..x\\r\\n.\\r\\n                   | .x\\r\\n
            stuffed lone dot           | ..\\r\\n.\\r\\n                    | .\\r\\n
            dot inside a line          | a.b\\r\\n.\\r\\n                   | a.b\\r\\n
            bare LF lines              | a\\nb\\n\\r\\n.\\r\\n              | a\\r\\nb\\r\\n\\r\\n
            bare CR lines              | a\\rb\\r\\n.\\r\\n                 | a\\r\\nb\\r\\n
            LF dot LF is content       | a\\n.\\nb\\r\\n.\\r\\n             | a\\r\\n.\\r\\nb\\r\\n
            CRLF dot LF is content     | a\\r\\n.\\nb\\r\\n.\\r\\n          | a\\r\\n.\\r\\nb\\r\\n
            LF dot CRLF is content     | a\\n.\\r\\nb\\r\\n.\\r\\n          | a\\r\\n.\\r\\nb\\r\\n
            CR dot CR is content       | a\\r.\\rb\\r\\n.\\r\\n             | a\\r\\n.\\r\\nb\\r\\n
            dot then text is unstuffed | .a\\r\\n.\\r\\n                   | a\\r\\n
            real end after a bare LF   | a\\n.\\r\\n\\r\\n.\\r\\n          | a\\r\\n.\\r\\n\\r\\n
            """)
    void readsUpToTheOnlyRealEnd(String name, String wire, String stored) throws Exception {
        MessageSpool spool = new MessageSpool(spoolDirectory, 1024);
        byte[] input = unescape(wire + "TRAILING").getBytes(StandardCharsets.ISO_8859_1);
        SmtpInput in = input(input);
        MessageReader.Result result = new MessageReader(in, spool, 1000).read();
        assertThat(result.outcome()).isEqualTo(MessageReader.Outcome.COMPLETE);
        assertThat(text(spool)).isEqualTo(unescape(stored));
        assertThat(result.size()).isEqualTo(unescape(stored).length());
        // nothing after the end was consumed
        assertThat((char) in.read()).isEqualTo('T');
    }

    @Test
    void countsReceivedFieldsOfTheHeaderOnly() throws Exception {
        String message = "Received: a\r\nreceived  : b\r\n\tReceived: folded\r\nX-Received: c\r\nReceivedX: d\r\n"
                + "RECEIVED:e\r\n\r\nReceived: in the body\r\n.\r\n";
        MessageReader.Result result = new MessageReader(input(message.getBytes(StandardCharsets.US_ASCII)),
                new MessageSpool(spoolDirectory, 1024), 10_000).read();
        assertThat(result.receivedHeaders()).isEqualTo(3);
    }

    @Test
    void dropsAMessageAboveTheLimitButReadsToItsEnd() throws Exception {
        MessageSpool spool = new MessageSpool(spoolDirectory, 10);
        String message = "x".repeat(150) + "\r\n.\r\nNEXT";
        SmtpInput in = input(message.getBytes(StandardCharsets.US_ASCII));
        MessageReader.Result result = new MessageReader(in, spool, 100).read();
        assertThat(result.outcome()).isEqualTo(MessageReader.Outcome.TOO_BIG);
        assertThat((char) in.read()).isEqualTo('N');
        assertThat(spoolDirectory).isEmptyDirectory();
    }

    @Test
    void stopsReadingFarAboveTheLimit() throws Exception {
        String message = "x".repeat(250) + "\r\n.\r\n";
        MessageReader.Result result = new MessageReader(input(message.getBytes(StandardCharsets.US_ASCII)),
                new MessageSpool(spoolDirectory, 1024), 100).read();
        assertThat(result.outcome()).isEqualTo(MessageReader.Outcome.ABANDONED);
    }

    @Test
    void aClosedConnectionIsNotAMessage() {
        SmtpInput in = input("Subject: cut\r\n\r\nhalf a messa".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new MessageReader(in, new MessageSpool(spoolDirectory, 1024), 1000).read())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void spoolsToAFileAboveTheThresholdAndDeletesIt() throws Exception {
        Path directory = spoolDirectory.resolve("data").resolve("spool");
        MessageSpool spool = new MessageSpool(directory, 16);
        new MessageReader(input(("y".repeat(100) + "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII)), spool, 1000).read();
        SpooledMessage message = spool.finish("H: v\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(message.inFile()).isTrue();
        assertThat(message.size()).isEqualTo(6 + 102);
        try (InputStream stream = message.open()) {
            assertThat(new String(stream.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("H: v\r\n" + "y".repeat(100) + "\r\n");
        }
        assertThat(directory).isNotEmptyDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        try (var files = Files.list(directory)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.findFirst().orElseThrow())))
                    .isEqualTo("rw-------");
        }
        message.delete();
        assertThat(directory).isEmptyDirectory();
    }

    private static SmtpInput input(byte[] bytes) {
        return new SmtpInput(new ByteArrayInputStream(bytes), () -> { });
    }

    private static String text(MessageSpool spool) throws Exception {
        try (InputStream in = spool.finish(new byte[0]).open()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
