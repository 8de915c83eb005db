package fr.preau.mail.internal;

import fr.preau.mail.MailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.AddressListField;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.dom.field.MailboxListField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * A header-only reading of a message, enough for the list view and threading. The full MIME
 * analysis (structure, text, attachments) replaces it.
 */
public class HeaderAnalyzer implements MessageAnalyzer {

    @Override
    public ParsedForStore analyze(InputStream raw) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        Header header;
        try {
            header = builder.parseHeader(raw);
        } catch (org.apache.james.mime4j.MimeIOException e) {
            header = new org.apache.james.mime4j.message.HeaderImpl();
        }
        String subject = text(header, "Subject");
        MailAddress from = mailboxes(header, "From").stream().findFirst().orElse(null);
        Instant date = null;
        Field dateField = header.getField("Date");
        if (dateField != null) {
            var parsed = LenientFieldParser.getParser().parse(dateField, DecodeMonitor.SILENT);
            if (parsed instanceof DateTimeField dt && dt.getDate() != null) {
                date = dt.getDate().toInstant();
            }
        }
        String messageId = id(text(header, "Message-ID"));
        String inReplyTo = id(text(header, "In-Reply-To"));
        List<String> references = ids(text(header, "References"));
        return new ParsedForStore(subject, normalizedSubject(subject), from, addresses(header, "To"),
                addresses(header, "Cc"), date, messageId, inReplyTo, references, 3, false, "", "{}");
    }

    static String normalizedSubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        String previous;
        do {
            previous = s;
            s = s.replaceFirst("(?i)^(re|fwd?|tr|aw|wg|sv)\\s*(\\[\\d+\\])?\\s*:\\s*", "").strip();
        } while (!s.equals(previous));
        return s.toLowerCase(Locale.ROOT);
    }

    private static String text(Header header, String name) {
        Field field = header.getField(name);
        if (field == null || field.getBody() == null) {
            return "";
        }
        return DecoderUtil.decodeEncodedWords(field.getBody().replaceAll("\r?\n[ \t]", " "), DecodeMonitor.SILENT).strip();
    }

    private static List<MailAddress> mailboxes(Header header, String name) {
        Field field = header.getField(name);
        if (field == null) {
            return List.of();
        }
        var parsed = LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
        List<MailAddress> out = new ArrayList<>();
        if (parsed instanceof MailboxListField list && list.getMailboxList() != null) {
            list.getMailboxList().forEach(m -> out.add(address(m)));
        } else if (parsed instanceof AddressListField list && list.getAddressList() != null) {
            return addresses(header, name);
        }
        return out;
    }

    private static List<MailAddress> addresses(Header header, String name) {
        Field field = header.getField(name);
        if (field == null) {
            return List.of();
        }
        var parsed = LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
        List<MailAddress> out = new ArrayList<>();
        if (parsed instanceof AddressListField list && list.getAddressList() != null) {
            for (Address a : list.getAddressList()) {
                if (a instanceof Mailbox m) {
                    out.add(address(m));
                } else if (a instanceof Group g) {
                    g.getMailboxes().forEach(m -> out.add(address(m)));
                }
            }
        } else if (parsed instanceof MailboxListField list && list.getMailboxList() != null) {
            list.getMailboxList().forEach(m -> out.add(address(m)));
        }
        return out;
    }

    private static MailAddress address(Mailbox m) {
        return new MailAddress(m.getName(), m.getAddress());
    }

    private static String id(String value) {
        List<String> ids = ids(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^<>\\s]+)>").matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        if (out.isEmpty()) {
            Arrays.stream(value.split("\\s+")).filter(s -> !s.isBlank()).forEach(out::add);
        }
        return out;
    }
}
