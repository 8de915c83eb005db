package fr.preau.delivery.internal.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A received message, kept while its handler runs: in memory when small, else in a file of the
 * spool directory. Lines end in CRLF, dots are unstuffed, and the server's {@code Received:}
 * header comes first. Can be read any number of times; deleted by the server once the
 * handler has returned, so a handler that keeps it must copy it.
 */
public final class SpooledMessage {

    private final byte[] header;
    private final byte[] memory;
    private final int memoryLength;
    private final Path file;
    private final long bodySize;

    SpooledMessage(byte[] header, byte[] memory, int memoryLength, Path file, long bodySize) {
        this.header = header;
        this.memory = memory;
        this.memoryLength = memoryLength;
        this.file = file;
        this.bodySize = bodySize;
    }

    /** Size in bytes, {@code Received:} header included. */
    public long size() {
        return header.length + bodySize;
    }

    /** A new stream over the whole message, from its first byte. */
    public InputStream open() throws IOException {
        InputStream body = file == null
                ? new ByteArrayInputStream(memory, 0, memoryLength)
                : Files.newInputStream(file);
        return new SequenceInputStream(new ByteArrayInputStream(header), body);
    }

    /** Whether the body is in a spool file (rather than in memory). */
    boolean inFile() {
        return file != null;
    }

    /** Removes the spool file, if any. */
    void delete() {
        MessageSpool.deleteQuietly(file);
    }
}
