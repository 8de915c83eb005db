package fr.preau.delivery.internal.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a raw message into an {@link InboundMessage} (mime4j, leniently: broken mail is the
 * norm for spam): headers, decoded subject and From, text and HTML parts up to
 * {@value #MAX_TEXT} characters each, links of the HTML ({@code a}, {@code area},
 * {@code form}) and bare URLs of the text, attachment file names, nested messages included.
 */
public final class InboundMessageParser {

    static final int MAX_TEXT = 256 * 1024;
    private static final int MAX_DEPTH = 8;
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'()]+");

    private InboundMessageParser() {}

    public static InboundMessage parse(InboundMessage.RawSource raw, InboundMessage.Envelope envelope,
                                       SpfResult spf, List<DkimResult> dkim, DmarcResult dmarc) throws IOException {
        Message message;
        try (InputStream in = raw.open()) {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.custom().setMaxLineLen(-1).setMaxHeaderLen(-1)
                    .setMaxHeaderCount(-1).setMaxContentLen(-1).build());
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            message = builder.parseMessage(in);
        } catch (RuntimeException e) {
            throw new IOException("Unreadable message: " + e.getMessage(), e);
        }
        try {
            List<InboundMessage.Header> headers = new ArrayList<>();
            for (Field field : message.getHeader().getFields()) {
                headers.add(new InboundMessage.Header(field.getName(), unfold(field.getBody())));
            }
            String fromName = "";
            String fromAddress = "";
            try {
                MailboxList from = message.getFrom();
                if (from != null && !from.isEmpty()) {
                    Mailbox first = from.get(0);
                    fromName = first.getName() == null ? "" : first.getName();
                    fromAddress = first.getAddress() != null && first.getAddress().contains("@") ? first.getAddress() : "";
                }
            } catch (RuntimeException unparsable) {
                // left empty
            }
            Parts parts = new Parts();
            parts.walk(message, 0);
            String subject;
            try {
                subject = message.getSubject();
            } catch (RuntimeException e) {
                subject = "";
            }
            return new InboundMessage(envelope, headers, subject, fromName, fromAddress, parts.text.toString(),
                    parts.html.toString(), parts.links(), parts.attachments, spf, dkim, dmarc, raw);
        } finally {
            message.dispose();
        }
    }

    private static String unfold(String value) {
        return value == null ? "" : value.replaceAll("\r?\n[ \t]", " ").strip();
    }

    /** Collects the text, HTML and attachment names of an entity tree. */
    private static final class Parts {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<String> attachments = new ArrayList<>();

        void walk(Entity entity, int depth) {
            if (depth > MAX_DEPTH) {
                return;
            }
            String name = entity.getFilename();
            if ((name == null || name.isBlank()) && entity.getHeader() != null
                    && entity.getHeader().getField("Content-Type") instanceof ContentTypeField type) {
                name = type.getParameter("name");
            }
            if (name != null && !name.isBlank()) {
                attachments.add(name.strip());
            }
            Body body = entity.getBody();
            if (body instanceof Multipart multipart) {
                for (Entity part : multipart.getBodyParts()) {
                    walk(part, depth + 1);
                }
            } else if (body instanceof Message nested) {
                walk(nested, depth + 1);
            } else if (body instanceof TextBody textBody && !"attachment".equalsIgnoreCase(entity.getDispositionType())) {
                String type = entity.getMimeType();
                if ("text/html".equalsIgnoreCase(type)) {
                    append(html, textBody);
                } else if (type == null || type.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
                    append(text, textBody);
                }
            }
        }

        private static void append(StringBuilder into, TextBody body) {
            if (into.length() >= MAX_TEXT) {
                return;
            }
            try (Reader reader = body.getReader()) {
                char[] buffer = new char[8192];
                int n;
                while (into.length() < MAX_TEXT && (n = reader.read(buffer)) > 0) {
                    into.append(buffer, 0, Math.min(n, MAX_TEXT - into.length()));
                }
                into.append('\n');
            } catch (IOException | RuntimeException e) {
                // an undecodable part: what was read is kept
            }
        }

        List<InboundMessage.Link> links() {
            List<InboundMessage.Link> links = new ArrayList<>(htmlLinks(html.toString()));
            Matcher m = URL.matcher(text);
            while (m.find() && links.size() < 500) {
                links.add(new InboundMessage.Link(m.group(), ""));
            }
            return links;
        }
    }

    /** The links of an HTML body: anchors and image-map areas with their visible text, form targets. */
    public static List<InboundMessage.Link> htmlLinks(String html) {
        if (html.isBlank()) {
            return List.of();
        }
        Document document = Jsoup.parse(html);
        List<InboundMessage.Link> links = new ArrayList<>();
        for (Element a : document.select("a[href], area[href]")) {
            String text = a.text().isBlank() ? a.attr("title").strip() : a.text().strip();
            links.add(new InboundMessage.Link(a.attr("href").strip(), text));
        }
        for (Element form : document.select("form[action]")) {
            links.add(new InboundMessage.Link(form.attr("action").strip(), ""));
        }
        return links.size() > 500 ? links.subList(0, 500) : links;
    }
}
