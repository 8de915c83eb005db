package fr.preau.delivery.internal.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Where the bytes of a message go while DATA is read: a growing array up to a threshold
 * (256 KB by default), then an owner-only temporary file {@code smtp-*.msg} in the spool
 * directory. {@link #finish} turns it into a {@link SpooledMessage}; {@link #close} deletes
 * what was written if it was not finished.
 */
final class MessageSpool implements AutoCloseable {

    static final String PREFIX = "smtp-";
    static final String SUFFIX = ".msg";

    private final Path directory;
    private final int threshold;
    private byte[] memory;
    private int memoryLength;
    private Path file;
    private OutputStream fileOutput;
    private long size;
    private boolean finished;

    MessageSpool(Path directory, int threshold) {
        this.directory = directory;
        this.threshold = threshold;
        this.memory = new byte[Math.max(0, Math.min(8192, threshold))];
    }

    void write(int b) throws IOException {
        if (fileOutput != null) {
            fileOutput.write(b);
        } else {
            if (memoryLength == memory.length) {
                if (memoryLength >= threshold) {
                    toFile();
                    fileOutput.write(b);
                    size++;
                    return;
                }
                memory = Arrays.copyOf(memory, Math.min(threshold, memory.length * 2));
            }
            memory[memoryLength++] = (byte) b;
        }
        size++;
    }

    long size() {
        return size;
    }

    /** Drops what was written so far (the message is refused), keeping nothing on disk. */
    void discard() throws IOException {
        closeFile();
        deleteQuietly(file);
        file = null;
        memory = new byte[0];
        memoryLength = 0;
    }

    /** The message with {@code header} before the written bytes; the spool then belongs to it. */
    SpooledMessage finish(byte[] header) throws IOException {
        closeFile();
        finished = true;
        return new SpooledMessage(header, memory, memoryLength, file, size);
    }

    @Override
    public void close() {
        if (!finished) {
            try {
                closeFile();
            } catch (IOException ignored) {
                // deleted below anyway
            }
            deleteQuietly(file);
        }
    }

    /** Removes spool files older than {@code age}: left over by a crash, never by a live session. */
    static void removeLeftovers(Path directory, Duration age) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant before = Instant.now().minus(age);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant().isBefore(before);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(MessageSpool::deleteQuietly);
        } catch (IOException ignored) {
            // nothing to clean, or not readable: sessions will report their own errors
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // left for removeLeftovers
            }
        }
    }

    private void toFile() throws IOException {
        createPrivateDirectory(directory);
        try {
            file = Files.createTempFile(directory, PREFIX, SUFFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile(directory, PREFIX, SUFFIX);
        }
        fileOutput = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 65536);
        fileOutput.write(memory, 0, memoryLength);
        memory = new byte[0];
        memoryLength = 0;
    }

    /** The spool directory, owner-only when this makes it: messages are private. */
    static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(directory);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // made meanwhile by another session
        }
    }

    private void closeFile() throws IOException {
        if (fileOutput != null) {
            OutputStream output = fileOutput;
            fileOutput = null;
            output.close();
        }
    }
}
