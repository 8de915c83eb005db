package fr.preau.mail.internal.mime;

import fr.preau.mail.MailAddress;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The header-field vectors of Stalwart's mail-parser (shared corpus): address lists and
 * unstructured values. Where our documented choices differ from Stalwart's (groups flattened,
 * comments not appended to names, routes dropped, whitespace collapsed) the expected values are
 * normalised the same way, so that what is compared is the decoding itself.
 */
class HeaderVectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> addressVectors() throws IOException {
        return vectors("address.json");
    }

    static Stream<Arguments> unstructuredVectors() throws IOException {
        return vectors("unstructured.json");
    }

    private static Stream<Arguments> vectors(String file) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(Corpus.category("mime").resolve("stalwart-mail-parser/resources/" + file)));
        List<Arguments> list = new ArrayList<>();
        for (JsonNode vector : root) {
            String header = firstField(vector.get("header").asString());
            list.add(Arguments.of(header.replace("\n", "\\n").replace("\r", ""), header, vector.get("expected")));
        }
        return list.stream();
    }

    /** The vectors hold a field and sometimes the start of the next one: keep the first. */
    private static String firstField(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && (i + 1 >= text.length() || (text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\t'))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressVectors")
    void decodesAddressLists(String title, String header, JsonNode expected) {
        List<MailAddress> actual = MimeParser.addresses(header);
        List<MailAddress> wanted = new ArrayList<>();
        collect(expected, wanted);
        assertThat(actual).hasSameSizeAs(wanted);
        for (int i = 0; i < wanted.size(); i++) {
            assertThat(actual.get(i).address()).isEqualTo(wanted.get(i).address());
            String name = wanted.get(i).name();
            if (name != null && !name.contains("(")) { // Stalwart appends comments to names; we do not
                assertThat(actual.get(i).name()).isEqualTo(HeaderText.collapseWhitespace(name));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstructuredVectors")
    void decodesUnstructuredValues(String title, String header, JsonNode expected) {
        assertThat(MimeParser.decodeHeader(header).replaceAll("\\s+", ""))
                .isEqualTo(expected.asString().replaceAll("\\s+", ""));
    }

    private static void collect(JsonNode expected, List<MailAddress> out) {
        if (expected.has("List")) {
            expected.get("List").forEach(a -> add(a, out));
        } else if (expected.has("Group")) {
            expected.get("Group").forEach(g -> g.get("addresses").forEach(a -> add(a, out)));
        } else if (expected.has("Address")) {
            add(expected.get("Address"), out);
        }
    }

    private static void add(JsonNode a, List<MailAddress> out) {
        JsonNode address = a.get("address");
        String value = address == null || address.isNull() ? "" : address.asString();
        if (value.isEmpty()) {
            return; // a comment alone ("(the end of the group)") is no address for us
        }
        value = value.replaceAll("\\s+", "");
        if (value.startsWith("@") && value.indexOf(':') > 0) {
            value = value.substring(value.indexOf(':') + 1); // obsolete routes are dropped
        }
        JsonNode name = a.get("name");
        out.add(new MailAddress(name == null || name.isNull() ? null : name.asString(), value));
    }
}
