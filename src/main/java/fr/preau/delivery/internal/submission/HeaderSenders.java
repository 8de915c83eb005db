package fr.preau.delivery.internal.submission;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.AddressListField;
import org.apache.james.mime4j.dom.field.MailboxField;
import org.apache.james.mime4j.dom.field.MailboxListField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/** The addresses a submitted message claims to come from: every From (and Sender) mailbox, lower case. */
final class HeaderSenders {

    private HeaderSenders() {}

    /** The From and Sender addresses; an unreadable header gives an empty list (refused). */
    static List<String> of(InputStream message) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        Header header;
        try {
            header = builder.parseHeader(message);
        } catch (MimeIOException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String name : List.of("From", "Sender")) {
            for (Field field : header.getFields(name)) {
                var parsed = LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
                if (parsed instanceof MailboxListField list && list.getMailboxList() != null) {
                    list.getMailboxList().forEach(m -> out.add(normal(m)));
                } else if (parsed instanceof MailboxField single && single.getMailbox() != null) {
                    out.add(normal(single.getMailbox()));
                } else if (parsed instanceof AddressListField list && list.getAddressList() != null) {
                    for (Address a : list.getAddressList()) {
                        if (a instanceof Mailbox m) {
                            out.add(normal(m));
                        } else if (a instanceof Group g) {
                            g.getMailboxes().forEach(m -> out.add(normal(m)));
                        }
                    }
                } else {
                    out.add("");
                }
            }
        }
        return out;
    }

    private static String normal(Mailbox m) {
        return m.getAddress() == null ? "" : m.getAddress().toLowerCase(Locale.ROOT);
    }
}
