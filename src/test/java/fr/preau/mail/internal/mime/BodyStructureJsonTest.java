package fr.preau.mail.internal.mime;

import fr.preau.mail.mime.Envelope;
import fr.preau.mail.mime.MimePart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyStructureJsonTest {

    @Test
    void roundTripsTheStructureEnvelopeAndAttachments() {
        ParsedMessage m = Messages.parse(MimeParserTest.NESTED);
        String json = BodyStructureJson.write(m);
        BodyStructureJson.Stored stored = BodyStructureJson.read(json);
        assertThat(stored.envelope()).isEqualTo(m.envelope());
        assertThat(stored.body()).isEqualTo(m.body());
        assertThat(stored.attachments()).isEqualTo(m.attachments());
        assertThat(stored.textParts()).containsExactly("1.1");
        assertThat(stored.htmlParts()).containsExactly("1.2");
        assertThat(stored.hasAttachment()).isTrue();
        assertThat(stored.truncated()).isFalse();
        assertThat(stored.body().find("3").orElseThrow().message().envelope().subject()).isEqualTo("Programme");
        assertThat(json).doesNotContain("null").doesNotContain("\"7bit\"");
        assertThat(json.length()).isLessThan(2500);
    }

    @Test
    void staysUnderOneMegabyteByCuttingTheTree() {
        Map<String, String> bigParams = Map.of("name", "x".repeat(ContentHeader.MAX_VALUE_LENGTH));
        List<MimePart> children = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            children.add(new MimePart(Integer.toString(i), "application", "octet-stream", bigParams, null, null,
                    "base64", 10, 1, null, "attachment", bigParams, List.of(), null, List.of(), null));
        }
        MimePart root = new MimePart("TEXT", "multipart", "mixed", Map.of("boundary", "b"), null, null, "7bit", 0, 0,
                null, null, Map.of(), List.of(), null, children, null);
        String json = BodyStructureJson.write(new BodyStructureJson.Stored(Envelope.EMPTY, root, List.of(), List.of(),
                List.of(), false, false));
        assertThat(json.length()).isLessThanOrEqualTo(BodyStructureJson.MAX_LENGTH);
        BodyStructureJson.Stored stored = BodyStructureJson.read(json);
        assertThat(stored.truncated()).isTrue();
        assertThat(stored.body().parts()).isNotEmpty().hasSizeLessThan(2000);
        assertThat(stored.body().parts().get(0)).isEqualTo(children.get(0));
    }

    @Test
    void refusesWhatIsNotAStoredStructure() {
        assertThatThrownBy(() -> BodyStructureJson.read("{not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
