package fr.preau.mail.internal.mime;

import fr.preau.mail.MailAddress;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.Envelope;
import fr.preau.mail.mime.MessageHeaders;
import fr.preau.mail.mime.MimePart;

import fr.preau.mail.internal.mime.HeaderText.RawHeader;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Parses raw RFC 5322 messages for the mail store in one streaming pass (see
 * {@link StructureParser}): decoded headers, the body structure for IMAP, the text and HTML
 * bodies, the preview, attachments and the text of text attachments for the search index.
 * Never throws on malformed input — it reads what the bytes allow and says
 * {@link ParsedMessage#truncated()} when it had to stop; only an {@link IOException} of the
 * stream itself comes out. Binary bodies are counted and dropped as they are read, so memory
 * stays bounded by the text kept (a few MB at most), whatever the message size. Stateless and
 * thread-safe.
 */
@Component
public class MimeParser {

    public static final int PREVIEW_LENGTH = 200;
    static final int MAX_ATTACHMENT_TEXT = 1 << 20;

    private static final Pattern SUBJECT_UNSAFE = Pattern.compile("[/\\\\:*?\"<>|]");
    private static final Pattern CID = Pattern.compile("cid:([^\"'\\s>)]+)", Pattern.CASE_INSENSITIVE);

    public ParsedMessage parse(InputStream raw) throws IOException {
        CountingInputStream counted = new CountingInputStream(raw);
        StructureParser parser = new StructureParser();
        StructureParser.Level level;
        try {
            level = parser.parseMessage(counted, "", 0);
        } catch (RuntimeException e) {
            // a bug or an input nobody foresaw: say so, never crash the listener
            parser.limits.truncated = true;
            level = new StructureParser.Level(List.of(), new MimePart("1", "text", "plain", Map.of(), null, null,
                    "7bit", 0, 0, null, null, Map.of(), List.of(), null, List.of(), null));
        }
        counted.drain();
        try {
            return assemble(level, parser, counted.count());
        } catch (RuntimeException e) {
            // same: keep the structure, give up on the rest
            MessageHeaders headers = Headers.message(List.of());
            return new ParsedMessage(headers, Envelope.EMPTY, level.body(), "", null, "", List.of(), List.of(),
                    List.of(), false, "", counted.count(), true);
        }
    }

    private static ParsedMessage assemble(StructureParser.Level level, StructureParser parser, long size) {
        MessageHeaders headers = Headers.message(level.headers());
        Envelope envelope = Headers.envelope(level.headers());
        Content content = content(level.body(), parser);

        List<Attachment> attachments = new ArrayList<>();
        StringBuilder attachmentText = new StringBuilder();
        for (MimePart part : content.attachments) {
            // inline: referenced from the HTML body, or an image placed between body texts (Apple Mail)
            boolean inline = referenced(part, content.cids) || (content.inline.containsKey(part)
                    && "inline".equals(part.disposition()) && !content.textParts.isEmpty());
            attachments.add(new Attachment(part.path(), filename(part), part.mediaType(),
                    parser.decodedSizes.getOrDefault(part.path(), part.size()), inline, part.contentId(), null));
            List<Tnef.TnefFile> files = parser.tnefFiles.get(part.path());
            if (files != null) {
                for (Tnef.TnefFile file : files) {
                    attachments.add(new Attachment(part.path(), file.name(), file.mediaType(), file.size(), false,
                            file.contentId(), file.index()));
                }
            }
            if (!inline) {
                appendAttachmentText(part, parser, attachmentText);
            }
        }
        boolean hasAttachment = attachments.stream().anyMatch(a -> !a.inline());
        String text = content.text;
        return new ParsedMessage(headers, envelope, level.body(), text, content.html,
                PlainText.preview(text, PREVIEW_LENGTH), paths(content.textParts), paths(content.htmlParts),
                List.copyOf(attachments), hasAttachment, attachmentText.toString(), size, parser.limits.truncated);
    }

    /** The base subject for threading and subject sort: prefixes, list tags and case removed. */
    public static String normalizedSubject(String subject) {
        return Subjects.normalized(subject);
    }

    /** Addresses of an address header value (To, From, Reply-To...), decoded, groups flattened. */
    public static List<MailAddress> addresses(String headerValue) {
        return AddressParser.parse(headerValue == null ? null : HeaderText.unfold(headerValue));
    }

    /** A {@code Date:} value parsed leniently, or null. */
    public static OffsetDateTime date(String headerValue) {
        return DateParser.parse(headerValue == null ? null : HeaderText.unfold(headerValue));
    }

    /** An unstructured header value (Subject...) unfolded and RFC 2047 decoded, whitespace collapsed. */
    public static String decodeHeader(String headerValue) {
        return headerValue == null ? null : HeaderText.display(HeaderText.unfold(headerValue));
    }

    private record Content(String text, String html, List<MimePart> textParts, List<MimePart> htmlParts,
            List<MimePart> attachments, Map<MimePart, Boolean> inline, Set<String> cids) {}

    private static Content content(MimePart body, StructureParser parser) {
        BodySelector.Selection selection = BodySelector.select(body);
        StringBuilder text = new StringBuilder();
        List<MimePart> textParts = new ArrayList<>();
        Map<MimePart, Boolean> inline = new IdentityHashMap<>();
        for (MimePart part : selection.textBody()) {
            String t = parser.texts.get(part.path());
            if (BodySelector.isInlineMedia(part)) {
                inline.put(part, true);
                continue;
            }
            if (t == null) {
                continue;
            }
            String converted = part.subtype().equals("html") ? HtmlToText.convert(t)
                    : PlainText.normalize(t, "flowed".equalsIgnoreCase(part.params().get("format")),
                            "yes".equalsIgnoreCase(part.params().get("delsp")));
            if (converted.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(converted);
            textParts.add(part);
        }
        StringBuilder html = new StringBuilder();
        List<MimePart> htmlParts = new ArrayList<>();
        boolean anyHtml = selection.htmlBody().stream().anyMatch(p -> p.mediaType().equals("text/html"));
        for (MimePart part : selection.htmlBody()) {
            if (BodySelector.isInlineMedia(part)) {
                inline.put(part, true);
                continue;
            }
            String t = parser.texts.get(part.path());
            if (!anyHtml || t == null || t.isBlank()) {
                continue;
            }
            if (part.subtype().equals("html")) {
                html.append(t);
            } else {
                html.append("<div style=\"white-space: pre-wrap\">").append(escape(t)).append("</div>");
            }
            htmlParts.add(part);
        }
        if (text.isEmpty() && !htmlParts.isEmpty()) {
            // no usable plain text (an empty text/plain alternative): the HTML as text
            for (MimePart part : htmlParts) {
                if (part.subtype().equals("html")) {
                    String converted = HtmlToText.convert(parser.texts.get(part.path()));
                    if (!converted.isEmpty()) {
                        if (!text.isEmpty()) {
                            text.append("\n\n");
                        }
                        text.append(converted);
                        textParts.add(part);
                    }
                }
            }
        }
        Set<String> cids = new HashSet<>();
        Matcher m = CID.matcher(html);
        while (m.find() && cids.size() < 1000) {
            cids.add(urlDecoded(m.group(1)).toLowerCase(Locale.ROOT));
        }
        // attachments: those of the selection plus media shown between body texts, in message order
        Set<MimePart> chosen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        chosen.addAll(selection.attachments());
        chosen.addAll(inline.keySet());
        List<MimePart> attachments = new ArrayList<>();
        for (MimePart part : body.flatten()) {
            if (chosen.contains(part)) {
                attachments.add(part);
            }
        }
        return new Content(text.toString().strip(), anyHtml && !htmlParts.isEmpty() ? html.toString() : null, textParts,
                htmlParts, attachments, inline, cids);
    }

    private static String urlDecoded(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static boolean referenced(MimePart part, Set<String> cids) {
        String id = part.contentId();
        return id != null && cids.contains(id.toLowerCase(Locale.ROOT));
    }

    private static String filename(MimePart part) {
        String name = Filenames.clean(part.filename());
        if (name != null) {
            return name;
        }
        if (part.isMessage()) {
            String subject = part.message() == null ? null : part.message().envelope().subject();
            String fromSubject = Filenames.clean(subject == null ? null : SUBJECT_UNSAFE.matcher(subject).replaceAll(" "));
            while (fromSubject != null && fromSubject.endsWith(".")) {
                fromSubject = fromSubject.substring(0, fromSubject.length() - 1).strip();
            }
            if (fromSubject != null && fromSubject.length() <= 120) {
                return fromSubject + ".eml";
            }
            return "message.eml";
        }
        return "attachment-" + part.path() + MediaTypes.extension(part.mediaType());
    }

    private static void appendAttachmentText(MimePart part, StructureParser parser, StringBuilder out) {
        if (out.length() >= MAX_ATTACHMENT_TEXT) {
            return;
        }
        String text = null;
        if (part.isMessage() && part.message() != null) {
            List<RawHeader> nested = parser.nestedHeaders.get(part.path());
            String subject = nested == null ? null : Headers.first(nested, "subject");
            Content content = content(part.message().body(), parser);
            text = (subject == null ? "" : HeaderText.display(subject) + "\n") + content.text;
        } else {
            String raw = parser.texts.get(part.path());
            if (raw != null) {
                text = part.subtype().equals("html") ? HtmlToText.convert(raw) : PlainText.tidy(raw);
            }
        }
        if (text == null || text.isBlank()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        int room = MAX_ATTACHMENT_TEXT - out.length();
        out.append(text, 0, Math.min(text.length(), Math.max(room, 0)));
    }

    private static List<String> paths(List<MimePart> parts) {
        return parts.stream().map(MimePart::path).toList();
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
