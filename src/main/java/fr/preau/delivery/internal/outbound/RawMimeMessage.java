package fr.preau.delivery.internal.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A message that Angus Mail's SMTP client sends exactly as stored: its bytes are streamed from
 * the queue's blob on every write, never parsed, never re-encoded, never given new headers
 * (the client still adds SMTP's dot-stuffing and makes line ends CRLF). Jakarta Mail's own
 * {@code writeTo} would drop {@code Bcc} and {@code Content-Length} lines and could call
 * {@code saveChanges}; this one does neither.
 */
final class RawMimeMessage extends MimeMessage {

    private final RawMessage raw;

    RawMimeMessage(Session session, RawMessage raw) {
        super(session);
        this.raw = raw;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = raw.open()) {
            in.transferTo(out);
        }
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        writeTo(out);
    }

    @Override
    public int getSize() {
        return raw.size() > Integer.MAX_VALUE ? -1 : (int) raw.size();
    }

    @Override
    public void saveChanges() throws MessagingException {
        // the stored bytes are the message: nothing to update
    }
}
