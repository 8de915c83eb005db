package fr.preau.mail.internal.mime;

import fr.preau.mail.MailAddress;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.Envelope;
import fr.preau.mail.mime.MimePart;
import fr.preau.mail.mime.NestedMessage;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parsed structure of a message as a compact JSON string, cached with the message so that
 * IMAP {@code BODYSTRUCTURE} and {@code ENVELOPE}, and the reading pane, never re-parse: the
 * envelope, the {@link MimePart} tree (nested messages with their envelopes), the attachment
 * list and the paths of the text and HTML bodies. Short keys, defaults and empty values left
 * out. Never more than {@value #MAX_LENGTH} characters: a larger tree is cut (first parts
 * kept, depth first) and marked truncated.
 */
public final class BodyStructureJson {

    public static final int MAX_LENGTH = 1 << 20;
    static final int MAX_STRING = 16 * 1024;
    static final int VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** What {@link #read} gives back. */
    public record Stored(
            Envelope envelope,
            MimePart body,
            List<Attachment> attachments,
            List<String> textParts,
            List<String> htmlParts,
            boolean hasAttachment,
            boolean truncated) {}

    private BodyStructureJson() {}

    public static String write(ParsedMessage message) {
        return write(new Stored(message.envelope(), message.body(), message.attachments(), message.textParts(),
                message.htmlParts(), message.hasAttachment(), message.truncated()));
    }

    public static String write(Stored stored) {
        String json = write(stored, Integer.MAX_VALUE);
        int budget = 2000;
        while (json.length() > MAX_LENGTH && budget > 0) {
            json = write(stored, budget);
            budget /= 2;
        }
        return json;
    }

    public static Stored read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<Attachment> attachments = new ArrayList<>();
            for (JsonNode a : root.path("a")) {
                attachments.add(new Attachment(str(a, "p"), str(a, "f"), str(a, "t"), a.path("sz").asLong(0),
                        a.path("i").asBoolean(false), str(a, "c"), a.has("n") ? a.path("n").asInt() : null));
            }
            return new Stored(envelope(root.path("e")), part(root.path("b")), List.copyOf(attachments),
                    strings(root.path("tp")), strings(root.path("hp")), root.path("ha").asBoolean(false),
                    root.path("x").asBoolean(false));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a stored body structure", e);
        }
    }

    private static String write(Stored stored, int partBudget) {
        StringWriter out = new StringWriter(1024);
        int[] budget = {partBudget};
        boolean cut;
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("v", VERSION);
            g.writeName("e");
            envelope(g, stored.envelope());
            g.writeName("b");
            part(g, stored.body(), budget);
            cut = budget[0] < 0;
            if (!stored.attachments().isEmpty()) {
                g.writeArrayPropertyStart("a");
                int count = 0;
                for (Attachment a : stored.attachments()) {
                    if (partBudget != Integer.MAX_VALUE && count++ >= partBudget) {
                        cut = true;
                        break;
                    }
                    g.writeStartObject();
                    string(g, "p", a.path());
                    string(g, "f", a.filename());
                    string(g, "t", a.mediaType());
                    g.writeNumberProperty("sz", a.size());
                    if (a.inline()) {
                        g.writeBooleanProperty("i", true);
                    }
                    string(g, "c", a.contentId());
                    if (a.tnefIndex() != null) {
                        g.writeNumberProperty("n", a.tnefIndex());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            strings(g, "tp", stored.textParts());
            strings(g, "hp", stored.htmlParts());
            if (stored.hasAttachment()) {
                g.writeBooleanProperty("ha", true);
            }
            if (stored.truncated() || cut) {
                g.writeBooleanProperty("x", true);
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void part(JsonGenerator g, MimePart p, int[] budget) {
        budget[0]--;
        g.writeStartObject();
        string(g, "p", p.path());
        string(g, "t", p.type());
        string(g, "s", p.subtype());
        map(g, "pa", p.params());
        string(g, "id", p.id());
        string(g, "de", p.description());
        if (!"7bit".equals(p.encoding())) {
            string(g, "en", p.encoding());
        }
        if (p.size() != 0) {
            g.writeNumberProperty("sz", p.size());
        }
        if (p.lines() != 0) {
            g.writeNumberProperty("l", p.lines());
        }
        string(g, "md5", p.md5());
        string(g, "d", p.disposition());
        map(g, "dp", p.dispositionParams());
        strings(g, "la", p.language());
        string(g, "lo", p.location());
        if (!p.parts().isEmpty()) {
            g.writeArrayPropertyStart("c");
            for (MimePart child : p.parts()) {
                if (budget[0] <= 0) {
                    budget[0] = -1;
                    break;
                }
                part(g, child, budget);
            }
            g.writeEndArray();
        }
        if (p.message() != null && budget[0] > 0) {
            g.writeObjectPropertyStart("m");
            g.writeName("e");
            envelope(g, p.message().envelope());
            g.writeName("b");
            part(g, p.message().body(), budget);
            g.writeEndObject();
        } else if (p.message() != null) {
            budget[0] = -1;
        }
        g.writeEndObject();
    }

    private static void envelope(JsonGenerator g, Envelope e) {
        g.writeStartObject();
        string(g, "d", e.date());
        string(g, "s", e.subject());
        addresses(g, "f", e.from());
        addresses(g, "se", e.sender());
        addresses(g, "r", e.replyTo());
        addresses(g, "to", e.to());
        addresses(g, "cc", e.cc());
        addresses(g, "bc", e.bcc());
        string(g, "ir", e.inReplyTo());
        string(g, "mi", e.messageId());
        g.writeEndObject();
    }

    private static void addresses(JsonGenerator g, String name, List<MailAddress> list) {
        if (list.isEmpty()) {
            return;
        }
        g.writeArrayPropertyStart(name);
        int count = 0;
        for (MailAddress a : list) {
            if (count++ >= 1000) {
                break;
            }
            g.writeStartArray(); // [address] or [address, name]
            g.writeString(cut(a.address()));
            if (a.name() != null) {
                g.writeString(cut(a.name()));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void string(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, cut(value));
        }
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_STRING ? value : value.substring(0, MAX_STRING);
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(cut(v));
        }
        g.writeEndArray();
    }

    private static void map(JsonGenerator g, String name, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        g.writeObjectPropertyStart(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringProperty(e.getKey(), cut(e.getValue()));
        }
        g.writeEndObject();
    }

    private static MimePart part(JsonNode n) {
        List<MimePart> children = new ArrayList<>();
        for (JsonNode c : n.path("c")) {
            children.add(part(c));
        }
        NestedMessage nested = null;
        JsonNode m = n.path("m");
        if (m.isObject()) {
            nested = new NestedMessage(envelope(m.path("e")), part(m.path("b")));
        }
        return new MimePart(str(n, "p"), n.path("t").asString("text"), n.path("s").asString("plain"), map(n.path("pa")),
                str(n, "id"), str(n, "de"), n.path("en").asString("7bit"), n.path("sz").asLong(0),
                n.path("l").asLong(0), str(n, "md5"), str(n, "d"), map(n.path("dp")), strings(n.path("la")),
                str(n, "lo"), children, nested);
    }

    private static Envelope envelope(JsonNode n) {
        if (!n.isObject()) {
            return Envelope.EMPTY;
        }
        return new Envelope(str(n, "d"), str(n, "s"), addresses(n.path("f")), addresses(n.path("se")),
                addresses(n.path("r")), addresses(n.path("to")), addresses(n.path("cc")), addresses(n.path("bc")),
                str(n, "ir"), str(n, "mi"));
    }

    private static List<MailAddress> addresses(JsonNode n) {
        List<MailAddress> list = new ArrayList<>();
        for (JsonNode a : n) {
            JsonNode name = a.path(1);
            list.add(new MailAddress(name.isMissingNode() || name.isNull() ? null : name.asString(), a.path(0).asString("")));
        }
        return List.copyOf(list);
    }

    private static String str(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> strings(JsonNode n) {
        List<String> list = new ArrayList<>();
        for (JsonNode v : n) {
            list.add(v.asString());
        }
        return List.copyOf(list);
    }

    private static Map<String, String> map(JsonNode n) {
        if (!n.isObject()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            map.put(e.getKey(), e.getValue().asString());
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
