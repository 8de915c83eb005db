package fr.preau.mail.internal.mime;

import fr.preau.testsupport.CorpusMessages;

import fr.preau.mail.mime.MimePart;

import static fr.preau.mail.internal.mime.Messages.crlf;
import static fr.preau.mail.internal.mime.Messages.decoded;
import static fr.preau.mail.internal.mime.Messages.decodedBytes;
import static fr.preau.mail.internal.mime.Messages.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartExtractorTest {

    private static final byte[] MESSAGE = crlf(MimeParserTest.NESTED);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "1.1|Bonjour =E0 tous,\\r\\nvoir le programme.",
        "1.1.MIME|Content-Type: text/plain; charset=iso-8859-1\\r\\nContent-Transfer-Encoding: quoted-printable\\r\\n\\r\\n",
        "2|iVBORw0KGgo=",
        "2.MIME|Content-Type: image/png; name=logo.png\\r\\nContent-ID: <logo@x>\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\n",
        "3.HEADER|From: Jean <jean@ac-dijon.fr>\\r\\nSubject: Programme\\r\\nContent-Type: multipart/mixed; boundary=\"inner\"\\r\\n\\r\\n",
        "3.1|Le programme",
        "3.2|JVBERi0xLjQK",
        "3.2.MIME|Content-Type: application/pdf\\r\\nContent-Disposition: attachment; filename*=UTF-8''programme%20de%20rentr%C3%A9e.pdf\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\n",
        "4|Subject: Simple\\r\\n\\r\\nCorps simple",
        "4.HEADER|Subject: Simple\\r\\n\\r\\n",
        "4.TEXT|Corps simple",
        "4.1|Corps simple",
        "4.1.MIME|Subject: Simple\\r\\n\\r\\n",
        "3.TEXT|--inner\\r\\nContent-Type: text/plain\\r\\n\\r\\nLe programme\\r\\n--inner\\r\\nContent-Type: application/pdf\\r\\nContent-Disposition: attachment; filename*=UTF-8''programme%20de%20rentr%C3%A9e.pdf\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\nJVBERi0xLjQK\\r\\n--inner--",
    })
    void extractsRawSections(String section, String expected) {
        assertThat(raw(MESSAGE, section)).isEqualTo(expected.replace("\\r\\n", "\r\n"));
    }

    @Test
    void extractsTheWholeMessageItsHeaderAndText() {
        String all = new String(MESSAGE, StandardCharsets.ISO_8859_1);
        assertThat(raw(MESSAGE, "")).isEqualTo(all);
        assertThat(raw(MESSAGE, "HEADER")).startsWith("From: ").endsWith("boundary=\"outer\"\r\n\r\n");
        assertThat(raw(MESSAGE, "HEADER") + raw(MESSAGE, "TEXT")).isEqualTo(all);
        assertThat(raw(MESSAGE, "TEXT")).startsWith("preamble\r\n--outer").endsWith("epilogue\r\n");
        assertThat(raw(MESSAGE, "1")).startsWith("--alt\r\n").endsWith("--alt--");
        assertThat(raw(MESSAGE, "3")).startsWith("From: Jean").endsWith("--inner--");
    }

    @Test
    void decodesTransferEncodings() {
        assertThat(decoded(MESSAGE, "1.1")).isEqualTo("Bonjour \u00e0 tous,\r\nvoir le programme.");
        assertThat(HexFormat.of().formatHex(decodedBytes(MESSAGE, "2"))).isEqualTo("89504e470d0a1a0a");
        assertThat(decoded(MESSAGE, "3.2")).isEqualTo("%PDF-1.4\n");
        assertThat(decoded(MESSAGE, "1.2")).startsWith("<html>");
        assertThat(decoded(MESSAGE, "3")).isEqualTo(raw(MESSAGE, "3"));
    }

    @Test
    void decodesABase64NestedMessageAndReachesInside() {
        byte[] message = CorpusMessages.file("apache-james-mime4j/core/src/test/resources/testmsgs/base64encoded-rfc822message.msg");
        assertThat(raw(message, "1")).startsWith("Q29udGVudC1UeXBlOiB0ZXh0L3BsYWlu");
        assertThat(decoded(message, "1")).startsWith("Content-Type: text/plain; charset=us-ascii\r\n");
        assertThat(raw(message, "1.HEADER")).isEqualTo(
                "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
        assertThat(raw(message, "1.1")).isEqualTo("Text body\n\r\n");
    }

    @Test
    void givesTheTextOfAPartWithItsCharset() throws IOException {
        MimePart part = Messages.parse(MESSAGE).body().find("1.1").orElseThrow();
        assertThat(new PartExtractor().text(new ByteArrayInputStream(MESSAGE), part)).contains("Bonjour à tous,\r\nvoir le programme.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0", "1.3", "2.1", "3.3", "4.2", "abc", "1.1.TEXT", "2.HEADER", "MIME", "1.FOO", "1..2", "-1"})
    void findsNoSuchSection(String section) {
        assertThat(Messages.extract(MESSAGE, section, false)).isEmpty();
    }

    @Test
    void aSinglePartMessageIsPartOne() {
        byte[] message = crlf("Subject: x\nContent-Transfer-Encoding: base64\n\nQm9uam91cg==\n");
        assertThat(raw(message, "1")).isEqualTo("Qm9uam91cg==\r\n");
        assertThat(decoded(message, "1")).isEqualTo("Bonjour");
        assertThat(raw(message, "1.MIME")).isEqualTo("Subject: x\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        assertThat(Messages.extract(message, "2", false)).isEmpty();
    }

    @Test
    void closingThePartClosesTheMessage() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream message = new ByteArrayInputStream(MESSAGE) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        try (InputStream part = new PartExtractor().raw(message, "2").orElseThrow()) {
            assertThat(part.readAllBytes()).hasSize(12);
            assertThat(closed).isFalse();
        }
        assertThat(closed).isTrue();
        closed.set(false);
        InputStream again = new ByteArrayInputStream(MESSAGE) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertThat(new PartExtractor().raw(again, "9")).isEmpty();
        assertThat(closed).isTrue();
    }

    @Test
    void skipsLargeBodiesWithoutBufferingThem() throws IOException {
        // a 20 MB attachment before the part wanted: streamed through, never held
        InputStream big = new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                new ByteArrayInputStream(crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/octet-stream\n\n")),
                new RepeatingStream((byte) 'A', 20L << 20),
                new ByteArrayInputStream(crlf("\n--b\nContent-Type: text/plain\n\nfin\n--b--\n")))));
        try (InputStream part = new PartExtractor().raw(big, "2").orElseThrow()) {
            assertThat(new String(part.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("fin");
        }
    }

    /** {@code length} copies of one byte, produced as read. */
    static final class RepeatingStream extends InputStream {
        private final byte value;
        private long left;

        RepeatingStream(byte value, long length) {
            this.value = value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
