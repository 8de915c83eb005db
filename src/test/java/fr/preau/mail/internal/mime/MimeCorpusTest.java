package fr.preau.mail.internal.mime;

import fr.preau.testsupport.CorpusMessages;

import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MimePart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the shared corpus ({@code mime}) parses, its structure survives JSON, and
 * every part can be extracted raw and decoded, with the sizes the structure announced.
 */
class MimeCorpusTest {

    private final MimeParser parser = new MimeParser();
    private final PartExtractor extractor = new PartExtractor();

    static List<CorpusMessages.Message> messages() {
        return CorpusMessages.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void parsesRoundTripsAndExtractsEveryPart(CorpusMessages.Message message) throws IOException {
        byte[] bytes = message.bytes();
        ParsedMessage parsed = parser.parse(new ByteArrayInputStream(bytes));
        assertThat(parsed.size()).isEqualTo(bytes.length);
        assertThat(parsed.preview().length()).isLessThanOrEqualTo(MimeParser.PREVIEW_LENGTH);
        assertThat(parsed.preview()).doesNotContain("\n");

        String json = BodyStructureJson.write(parsed);
        assertThat(json.length()).isLessThanOrEqualTo(BodyStructureJson.MAX_LENGTH);
        BodyStructureJson.Stored stored = BodyStructureJson.read(json);
        BodyStructureJson.Stored expected = new BodyStructureJson.Stored(parsed.envelope(), parsed.body(),
                parsed.attachments(), parsed.textParts(), parsed.htmlParts(), parsed.hasAttachment(), parsed.truncated());
        assertThat(stored.equals(expected)).as("JSON round trip of %s", message.name()).isTrue();

        assertThat(concat(section(bytes, "HEADER"), section(bytes, "TEXT"))).isEqualTo(bytes);
        for (MimePart part : parsed.body().flatten()) {
            byte[] raw = section(bytes, part.path());
            byte[] decoded = decoded(bytes, part.path());
            if (!part.isMultipart()) {
                assertThat(raw.length).as("raw size of %s", part.path()).isEqualTo(part.size());
            }
            if (part.encoding().equals("7bit") || part.encoding().equals("8bit") || part.isMultipart()) {
                assertThat(decoded).as("decoded %s", part.path()).isEqualTo(raw);
            }
            if (!part.path().endsWith("TEXT")) {
                assertThat(new String(section(bytes, part.path() + ".MIME"), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .endsWith("\r\n");
            }
            if (part.message() != null) {
                byte[] nested = decoded;
                assertThat(concat(section(bytes, part.path() + ".HEADER"), section(bytes, part.path() + ".TEXT")))
                        .isEqualTo(nested);
            }
        }
        for (Attachment attachment : parsed.attachments()) {
            if (attachment.tnefIndex() == null) {
                assertThat((long) decoded(bytes, attachment.path()).length)
                        .as("decoded size of %s in %s", attachment.path(), message.name())
                        .isEqualTo(attachment.size());
            } else {
                Optional<InputStream> file = extractor.tnefFile(new ByteArrayInputStream(bytes), attachment.path(),
                        attachment.tnefIndex());
                assertThat(file).isPresent();
                try (InputStream in = file.get()) {
                    assertThat((long) in.readAllBytes().length).isEqualTo(attachment.size());
                }
            }
        }
    }

    private byte[] section(byte[] message, String section) throws IOException {
        Optional<InputStream> in = extractor.raw(new ByteArrayInputStream(message), section);
        assertThat(in).as("section %s", section).isPresent();
        try (InputStream s = in.get()) {
            return s.readAllBytes();
        }
    }

    private byte[] decoded(byte[] message, String path) throws IOException {
        Optional<InputStream> in = extractor.decoded(new ByteArrayInputStream(message), path);
        assertThat(in).as("decoded %s", path).isPresent();
        try (InputStream s = in.get()) {
            return s.readAllBytes();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
