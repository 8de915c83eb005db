package fr.preau.mail;

import fr.preau.mail.internal.mime.Charsets;
import fr.preau.mail.internal.mime.MimeParser;
import fr.preau.mail.internal.mime.ParsedMessage;
import fr.preau.mail.internal.render.MessageViews;
import fr.preau.mail.mime.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Service;

/**
 * A message as the web mail shows it: headers, the HTML body sanitised (ADR 0018), the text
 * body, attachments and attached messages, read from the stored bytes. Like
 * {@link MailMessages}, every call names the account it acts for, and another account's
 * message is {@link NoSuchMessageException}.
 */
@Service
public class MailReading {

    /** A "full headers" view shows at most this much of a header. */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    private final MailMessages messages;
    private final MimeParser parser;

    MailReading(MailMessages messages, MimeParser parser) {
        this.messages = messages;
        this.parser = parser;
    }

    /** The stored message, ready to show. */
    public MessageView view(long accountId, long messageId, ViewOptions options) {
        MessageSummary summary = messages.get(accountId, messageId);
        return MessageViews.of(summary, parse(messages.openRaw(accountId, messageId)), options, null);
    }

    /**
     * The message attached at {@code path} (a {@code message/rfc822} part, see
     * {@link MessageView#nested()}), ready to show; its part paths are those of the stored
     * message, so its attachments download like the others. {@link NoSuchMessageException}
     * when there is no attached message there.
     */
    public MessageView viewNested(long accountId, long messageId, String path, ViewOptions options) {
        MessageSummary summary = messages.get(accountId, messageId);
        MimePart part = messages.structure(accountId, messageId).body().find(path)
                .filter(MimePart::isMessage).orElseThrow(NoSuchMessageException::new);
        return MessageViews.of(summary, parse(messages.openDecoded(accountId, messageId, part.path(), null)), options,
                part.path());
    }

    /**
     * The message's header as written (for "show full headers"): line ends {@code \n}, 8-bit
     * octets read as UTF-8 (else windows-1252), at most {@value #MAX_HEADER_BYTES} octets.
     */
    public String headersText(long accountId, long messageId) {
        try (InputStream in = messages.openSection(accountId, messageId, "HEADER")) {
            byte[] bytes = in.readNBytes(MAX_HEADER_BYTES);
            return Charsets.decodeUndeclared(bytes).replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException("the stored message cannot be read", e);
        }
    }

    private ParsedMessage parse(InputStream raw) {
        try (InputStream in = raw) {
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored message cannot be read", e);
        }
    }
}
