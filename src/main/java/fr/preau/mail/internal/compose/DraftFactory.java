package fr.preau.mail.internal.compose;

import fr.preau.mail.Draft;
import fr.preau.mail.DraftAttachment;
import fr.preau.mail.MailAddress;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.mail.internal.mime.ParsedMessage;
import fr.preau.mail.internal.mime.PartExtractor;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MessageHeaders;
import fr.preau.mail.mime.MimePart;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link Draft} a reply, a forward, an "edit as new" or a saved draft starts from, out
 * of a stored message (parsed again here: the texts are needed whole).
 */
@Component
public class DraftFactory {

    private static final int MAX_REFERENCES = 20;

    private final MimeParser parser;
    private final PartExtractor parts;
    private final Quoting quoting;

    public DraftFactory(MimeParser parser, PartExtractor parts, Quoting quoting) {
        this.parser = parser;
        this.parts = parts;
        this.quoting = quoting;
    }

    /** The stored message, parsed. */
    public ParsedMessage parse(InputStream raw) {
        try (InputStream in = raw) {
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored message cannot be read", e);
        }
    }

    public Draft reply(long messageId, ParsedMessage original, String ownAddress, boolean all, Locale locale) {
        MessageHeaders h = original.headers();
        boolean fromMe = h.from().stream().anyMatch(a -> same(a, ownAddress));
        Map<String, MailAddress> to = new LinkedHashMap<>();
        Map<String, MailAddress> cc = new LinkedHashMap<>();
        List<MailAddress> targets = fromMe ? h.to() : !h.replyTo().isEmpty() ? h.replyTo() : h.from();
        targets.forEach(a -> add(to, a, ownAddress, Map.of()));
        if (to.isEmpty() && !h.from().isEmpty()) {
            // a message to oneself: the answer goes to oneself too
            h.from().forEach(a -> to.putIfAbsent(key(a), a));
        }
        if (all) {
            if (!fromMe) {
                h.to().forEach(a -> add(cc, a, ownAddress, to));
            }
            h.cc().forEach(a -> add(cc, a, ownAddress, to));
        }
        List<String> references = new ArrayList<>(h.references().isEmpty() ? h.inReplyTo() : h.references());
        if (h.messageId() != null) {
            references.add(h.messageId());
        }
        if (references.size() > MAX_REFERENCES) {
            // the first (the root) and the most recent ones, as RFC 5322 suggests
            List<String> kept = new ArrayList<>(List.of(references.get(0)));
            kept.addAll(references.subList(references.size() - MAX_REFERENCES + 1, references.size()));
            references = kept;
        }
        MailAddress author = h.from().isEmpty() ? null : h.from().get(0);
        String body = quoting.replyBody(author, h.date(), original.text(), locale);
        return new Draft(null, formatted(to.values()), formatted(cc.values()), List.of(),
                Quoting.replySubject(h.subject()), body, null, Draft.NORMAL, false, h.messageId(), references,
                messageId, null, List.of());
    }

    public Draft forward(long messageId, ParsedMessage original, long rawSize, boolean asAttachment, Locale locale) {
        MessageHeaders h = original.headers();
        String subject = quoting.forwardSubject(h.subject(), locale);
        if (asAttachment) {
            String name = Filenames.forMessage(h.subject());
            return new Draft(null, List.of(), List.of(), List.of(), subject, "", null, Draft.NORMAL, false, null,
                    List.of(), null, messageId, List.of(DraftAttachment.message(messageId, name, rawSize)));
        }
        String body = quoting.forwardBody(h.from(), h.date(), h.to(), h.cc(), h.subject(), original.text(), locale);
        return new Draft(null, List.of(), List.of(), List.of(), subject, body, null, Draft.NORMAL, false, null,
                List.of(), null, messageId, attachments(messageId, original));
    }

    /** A copy of the message to send again: same recipients, subject, texts and attachments. */
    public Draft editAsNew(long messageId, ParsedMessage original, Supplier<InputStream> raw) {
        MessageHeaders h = original.headers();
        return new Draft(null, formatted(h.to()), formatted(h.cc()), formatted(h.bcc()), h.subject(),
                exactText(original, original.textParts(), raw), html(original, raw), h.priority(), false, null,
                List.of(), null, null, attachments(messageId, original));
    }

    /** A saved draft read back as it was saved. */
    public Draft load(long draftMessageId, ParsedMessage draft, Supplier<InputStream> raw) {
        MessageHeaders h = draft.headers();
        List<String> inReplyTo = h.inReplyTo();
        return new Draft(draftMessageId, formatted(h.to()), formatted(h.cc()), formatted(h.bcc()), h.subject(),
                exactText(draft, draft.textParts(), raw), html(draft, raw), h.priority(),
                !h.dispositionNotificationTo().isEmpty(), inReplyTo.isEmpty() ? null : inReplyTo.get(0),
                h.references(), idHeader(h, MessageWriter.REPLIED_HEADER), idHeader(h, MessageWriter.FORWARDED_HEADER),
                attachments(draftMessageId, draft));
    }

    private static List<DraftAttachment> attachments(long messageId, ParsedMessage m) {
        List<DraftAttachment> out = new ArrayList<>();
        for (Attachment a : m.attachments()) {
            if (a.tnefIndex() == null) {
                out.add(DraftAttachment.part(messageId, a.path(), a.filename(), a.mediaType(), a.size()));
            }
        }
        return out;
    }

    private String html(ParsedMessage m, Supplier<InputStream> raw) {
        return m.html() == null ? null : exactText(m, m.htmlParts(), raw);
    }

    /** The text parts decoded exactly (the parsed text has its whitespace normalised). */
    private String exactText(ParsedMessage m, List<String> paths, Supplier<InputStream> raw) {
        StringBuilder b = new StringBuilder();
        for (String path : paths) {
            Optional<MimePart> part = m.body().find(path);
            if (part.isEmpty()) {
                continue;
            }
            try {
                parts.text(raw.get(), part.get()).ifPresent(b::append);
            } catch (IOException e) {
                throw new UncheckedIOException("the stored message cannot be read", e);
            }
        }
        return b.toString().replace("\r\n", "\n");
    }

    private static Long idHeader(MessageHeaders h, String name) {
        String v = h.first(name);
        try {
            return v == null ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void add(Map<String, MailAddress> into, MailAddress a, String own, Map<String, MailAddress> except) {
        if (a.address().isBlank() || same(a, own) || except.containsKey(key(a))) {
            return;
        }
        into.putIfAbsent(key(a), a);
    }

    private static boolean same(MailAddress a, String own) {
        return a.address().equalsIgnoreCase(own);
    }

    private static String key(MailAddress a) {
        return a.address().toLowerCase(Locale.ROOT);
    }

    /** Addresses as a compose field shows them, the name quoted when it must be. */
    static List<String> formatted(java.util.Collection<MailAddress> addresses) {
        List<String> out = new ArrayList<>();
        for (MailAddress a : addresses) {
            if (a.address().isBlank()) {
                continue;
            }
            try {
                out.add(a.name() == null || a.name().isBlank() ? a.address()
                        : new InternetAddress(a.address(), a.name(), "UTF-8").toUnicodeString());
            } catch (java.io.UnsupportedEncodingException e) {
                out.add(a.address());
            }
        }
        return out;
    }
}
