package fr.preau.mail.internal;

import fr.preau.mail.MailAddress;
import fr.preau.mail.internal.mime.BodyStructureJson;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.mail.internal.mime.ParsedMessage;
import fr.preau.mail.mime.MessageHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The store's reading of a message: one streaming MIME parse, its list fields and its structure as JSON. */
public class MimeAnalyzer implements MessageAnalyzer {

    private final MimeParser parser;

    public MimeAnalyzer(MimeParser parser) {
        this.parser = parser;
    }

    @Override
    public ParsedForStore analyze(InputStream raw) throws IOException {
        return forStore(parser.parse(raw));
    }

    static ParsedForStore forStore(ParsedMessage parsed) {
        MessageHeaders h = parsed.headers();
        MailAddress from = h.from().isEmpty() ? (h.sender().isEmpty() ? null : h.sender().get(0)) : h.from().get(0);
        return new ParsedForStore(h.subject() == null ? "" : h.subject(), parsed.normalizedSubject(), from, h.to(), h.cc(),
                h.date() == null ? null : h.date().toInstant(), parsed.messageIdOrNull(),
                h.inReplyTo().isEmpty() ? null : h.inReplyTo().get(0), h.references() == null ? List.of() : h.references(),
                h.priority(), parsed.hasAttachment(), parsed.preview() == null ? "" : parsed.preview(),
                BodyStructureJson.write(parsed));
    }
}
