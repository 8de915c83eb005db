package fr.preau.mail.internal.mime;

import fr.preau.mail.mime.MimePart;
import fr.preau.mail.mime.NestedMessage;

import fr.preau.mail.internal.mime.HeaderText.RawHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * One streaming pass over a raw message with mime4j's {@link MimeTokenStream}: builds the
 * {@link MimePart} tree (paths, sizes and line counts counted on the encoded bodies), keeps the
 * decoded text of text parts (bounded), lists the files inside TNEF parts, and recurses into
 * {@code message/rfc822} bodies with a parser of their own (so that their encoded size and line
 * count are known and IMAP paths follow RFC 3501). Binary bodies are read through and dropped.
 * One instance per message; not thread-safe.
 */
final class StructureParser {

    static final int MAX_BODY_BYTES = 4 << 20;
    static final int MAX_TEXT_ATTACHMENT_BYTES = 1 << 20;
    static final long MAX_CAPTURED_BYTES = 16L << 20;
    static final int MAX_HEADERS = 10_000;

    /** Lenient: no line, header or content limits (real mail breaks them), malformed header lines skipped. */
    static final MimeConfig CONFIG = MimeConfig.custom()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(false)
            .build();

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);

    final PartDescriptor.Limits limits = new PartDescriptor.Limits();
    /** Decoded text of text parts, by path. */
    final Map<String, String> texts = new HashMap<>();
    /** Decoded sizes of leaf bodies, by path. */
    final Map<String, Long> decodedSizes = new HashMap<>();
    /** Files inside TNEF parts, by path. */
    final Map<String, List<Tnef.TnefFile>> tnefFiles = new LinkedHashMap<>();
    /** Header fields of nested messages, by the path of their message/rfc822 part. */
    final Map<String, List<RawHeader>> nestedHeaders = new HashMap<>();
    private long captured;

    /** A parsed message level: its header fields and its body. */
    record Level(List<RawHeader> headers, MimePart body) {}

    static MimeTokenStream tokenStream(PartDescriptor.Limits limits, int depth) {
        MimeTokenStream tokens = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, new DefaultFieldBuilder(-1),
                new PartDescriptor.Builder(limits, depth));
        tokens.setRecursionMode(RecursionMode.M_NO_RECURSE);
        return tokens;
    }

    /** Parses a message (the top-level one with {@code prefix} "", a nested one with its part's path). */
    Level parseMessage(InputStream in, String prefix, int depth) throws IOException {
        MimeTokenStream tokens = tokenStream(limits, depth);
        tokens.parse(in);
        Deque<Node> stack = new ArrayDeque<>();
        Node root = new Node(prefix.isEmpty() ? "1" : prefix + ".1", depth, null);
        limits.parts++;
        List<RawHeader> headers = new ArrayList<>();
        try {
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                switch (state) {
                    case T_START_MESSAGE -> stack.push(root);
                    case T_START_BODYPART -> {
                        Node parent = stack.peek();
                        int n = ++parent.childCount;
                        String path = parent.childPrefix.isEmpty() ? Integer.toString(n) : parent.childPrefix + "." + n;
                        Node node = new Node(path, parent.depth + 1, parent);
                        if (parent.dropped || limits.parts >= PartDescriptor.Limits.MAX_PARTS) {
                            node.dropped = true;
                            limits.truncated = true;
                        } else {
                            limits.parts++;
                        }
                        stack.push(node);
                    }
                    case T_FIELD -> {
                        Node node = stack.peek();
                        if (node.dropped) {
                            break;
                        }
                        RawHeader header = HeaderText.of(tokens.getField());
                        if (node == root && headers.size() < MAX_HEADERS) {
                            headers.add(header);
                        }
                        node.field(header);
                    }
                    case T_START_MULTIPART -> {
                        Node node = stack.peek();
                        node.descriptor = (PartDescriptor) tokens.getBodyDescriptor();
                        if (node == root) {
                            node.path = prefix.isEmpty() ? "TEXT" : prefix + ".TEXT";
                            node.childPrefix = prefix;
                        } else {
                            node.childPrefix = node.path;
                        }
                    }
                    case T_BODY -> {
                        Node node = stack.peek();
                        node.descriptor = (PartDescriptor) tokens.getBodyDescriptor();
                        body(node, tokens.getInputStream());
                    }
                    case T_END_BODYPART -> {
                        Node node = stack.pop();
                        if (!node.dropped) {
                            node.parent.children.add(node.build());
                        }
                    }
                    default -> {
                        // preamble and epilogue are skipped by mime4j; the end of the root is handled below
                    }
                }
            }
        } catch (MimeException | RuntimeException e) {
            limits.truncated = true; // keep what was read
        }
        // unwind what a broken message left open
        while (!stack.isEmpty() && stack.peek() != root) {
            Node node = stack.pop();
            if (!node.dropped && node.parent != null) {
                node.parent.children.add(node.build());
            }
        }
        return new Level(List.copyOf(headers), root.build());
    }

    private void body(Node node, InputStream raw) throws IOException {
        PartDescriptor d = node.descriptor;
        String encoding = d.transferEncoding();
        CountingInputStream counter = new CountingInputStream(raw, TransferEncodings.isBase64(encoding));
        String mediaType = d.mimeType();
        long decodedSize = -1;
        if (node.dropped) {
            counter.drain();
        } else if (isNestedMessage(mediaType) && !d.capped()) {
            if (node.depth + 1 < PartDescriptor.Limits.MAX_DEPTH && limits.parts < PartDescriptor.Limits.MAX_PARTS) {
                Level nested = parseMessage(TransferEncodings.decode(counter, encoding), node.path, node.depth + 1);
                node.nested = new NestedMessage(Headers.envelope(nested.headers()), nested.body());
                nestedHeaders.put(node.path, nested.headers());
            } else {
                limits.truncated = true;
            }
            counter.drain();
        } else if (isCapturedText(mediaType) && captured < MAX_CAPTURED_BYTES) {
            int cap = mediaType.equals("text/plain") || mediaType.equals("text/html")
                    ? MAX_BODY_BYTES : MAX_TEXT_ATTACHMENT_BYTES;
            cap = (int) Math.min(cap, MAX_CAPTURED_BYTES - captured);
            InputStream decoded = TransferEncodings.decode(counter, encoding);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(cap, 8192));
            long total = copy(decoded, bytes, cap);
            if (total > cap) {
                limits.truncated = true;
            }
            counter.drain();
            captured += bytes.size();
            decodedSize = total;
            texts.put(node.path, decodeText(bytes.toByteArray(), d.charset(), mediaType.equals("text/html")));
        } else if (Tnef.isTnef(mediaType, node.filename())) {
            CountingInputStream decoded = new CountingInputStream(TransferEncodings.decode(counter, encoding));
            List<Tnef.TnefFile> files = Tnef.list(decoded);
            decoded.drain();
            counter.drain();
            decodedSize = decoded.count();
            if (!files.isEmpty()) {
                tnefFiles.put(node.path, files);
            }
        } else if (!TransferEncodings.isIdentity(encoding) && !TransferEncodings.isBase64(encoding)) {
            CountingInputStream decoded = new CountingInputStream(TransferEncodings.decode(counter, encoding));
            decoded.drain();
            counter.drain();
            decodedSize = decoded.count();
        } else {
            counter.drain();
        }
        node.size = counter.count();
        node.lines = counter.lines();
        if (decodedSize < 0) {
            decodedSize = TransferEncodings.isBase64(encoding) ? counter.base64DecodedSize() : counter.count();
        }
        decodedSizes.put(node.path, decodedSize);
    }

    /** Copies up to {@code cap} octets and counts the rest; returns the total. */
    private static long copy(InputStream in, ByteArrayOutputStream out, int cap) throws IOException {
        byte[] buffer = Buffers.get();
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            if (total < cap) {
                out.write(buffer, 0, (int) Math.min(n, cap - total));
            }
            total += n;
        }
        return total;
    }

    static boolean isNestedMessage(String mediaType) {
        return mediaType.equals("message/rfc822") || mediaType.equals("message/global");
    }

    private static boolean isCapturedText(String mediaType) {
        return (mediaType.startsWith("text/") && !mediaType.equals("text/rtf") && !mediaType.equals("text/richtext"))
                || mediaType.equals("application/ics") || mediaType.equals("message/delivery-status")
                || mediaType.equals("message/disposition-notification")
                || mediaType.equals("message/global-delivery-status");
    }

    static String decodeText(byte[] bytes, String charset, boolean html) {
        String label = charset;
        if (html && Charsets.forLabel(label) == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                label = m.group(1);
            }
        }
        return Charsets.decode(bytes, 0, bytes.length, label);
    }

    /** An entity being read. */
    private static final class Node {
        String path;
        String childPrefix = "";
        final int depth;
        final Node parent;
        boolean dropped;
        int childCount;
        PartDescriptor descriptor;
        final List<MimePart> children = new ArrayList<>();
        NestedMessage nested;
        long size;
        long lines;
        String id;
        String description;
        String md5;
        String location;
        ContentHeader disposition;
        List<String> language = List.of();

        Node(String path, int depth, Node parent) {
            this.path = path;
            this.depth = depth;
            this.parent = parent;
        }

        void field(RawHeader header) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!name.startsWith("content-")) {
                return;
            }
            String value = header.value();
            switch (name) {
                case "content-id" -> {
                    if (id == null) {
                        id = Headers.cut(value.strip());
                    }
                }
                case "content-description" -> {
                    if (description == null) {
                        description = Headers.cut(HeaderText.display(value));
                    }
                }
                case "content-md5" -> {
                    if (md5 == null) {
                        md5 = Headers.cut(value.strip());
                    }
                }
                case "content-location" -> {
                    if (location == null) {
                        location = Headers.cut(HeaderText.unfold(value).replace(" ", "").replace("\t", ""));
                    }
                }
                case "content-disposition" -> {
                    if (disposition == null) {
                        disposition = ContentHeader.parse(value);
                    }
                }
                case "content-language" -> {
                    if (language.isEmpty()) {
                        List<String> tags = new ArrayList<>();
                        for (String tag : ContentHeader.stripComments(value).split("[,\\s]+")) {
                            if (!tag.isBlank() && tags.size() < 20) {
                                tags.add(tag.strip());
                            }
                        }
                        language = tags;
                    }
                }
                default -> {
                    // content-type and content-transfer-encoding come through the descriptor
                }
            }
        }

        String filename() {
            String name = disposition == null ? null : disposition.param("filename");
            if ((name == null || name.isBlank()) && descriptor != null) {
                name = descriptor.contentType().param("name");
            }
            return name;
        }

        MimePart build() {
            PartDescriptor d = descriptor;
            String type = d == null ? "text" : d.mediaType();
            String subtype = d == null ? "plain" : d.subType();
            Map<String, String> params = d == null ? Map.of() : d.contentType().params();
            String encoding = d == null ? "7bit" : d.transferEncoding();
            boolean multipart = type.equals("multipart");
            String dispositionValue = disposition == null || disposition.value().isEmpty() ? null
                    : ContentHeader.stripComments(disposition.value()).strip();
            return new MimePart(path, type, subtype, params, emptyToNull(id), description, encoding,
                    multipart ? 0 : size, multipart ? 0 : lines, emptyToNull(md5), dispositionValue,
                    disposition == null ? Map.of() : disposition.params(), language, emptyToNull(location),
                    children, nested);
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
