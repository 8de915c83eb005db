package fr.preau.delivery.internal.outbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * The raw bytes of a message to send, which a transport may read more than once (one MX host
 * after another): usually a blob, sometimes with a header line put in front (DKIM).
 */
interface RawMessage {

    long size();

    InputStream open() throws IOException;

    static RawMessage of(byte[] bytes) {
        return new RawMessage() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** These bytes with {@code header} (complete header lines ending in CRLF) put before them. */
    default RawMessage withPrefix(byte[] header) {
        if (header == null || header.length == 0) {
            return this;
        }
        RawMessage body = this;
        return new RawMessage() {
            @Override
            public long size() {
                return header.length + body.size();
            }

            @Override
            public InputStream open() throws IOException {
                return new SequenceInputStream(new ByteArrayInputStream(header), body.open());
            }
        };
    }
}
