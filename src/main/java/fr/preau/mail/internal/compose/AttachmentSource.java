package fr.preau.mail.internal.compose;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The bytes of one attachment, opened only while the message is written (from an upload's blob
 * or a part of a stored message), so that a 25 MB message is never held in memory.
 */
public record AttachmentSource(String filename, String contentType, Opener opener) implements DataSource {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return opener.open();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read only");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return filename;
    }

    public boolean isMessage() {
        return contentType.regionMatches(true, 0, "message/rfc822", 0, 14);
    }
}
