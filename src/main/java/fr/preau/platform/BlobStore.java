package fr.preau.platform;

import java.io.IOException;
import java.io.InputStream;

/**
 * Immutable byte blobs (raw messages, queued mail), content-addressed by their SHA-256.
 *
 * <p>Writing a blob and referencing it are two steps: {@link #write} makes the bytes durable
 * (fsynced) before any metadata transaction starts; then the transaction that stores a
 * reference calls {@link #claim}, which records the use in the {@code blob} table and checks
 * that the bytes are still there. A blob that no module references any more, and that nobody
 * claimed for a grace period, is removed by the collector (modules declare their references
 * with {@link BlobReferences}). Writing the same bytes twice stores them once.
 *
 * <p>The embedded implementation keeps files under {@code <data directory>/blobs}; a shared
 * object store (S3) can take its place for several nodes.
 */
public interface BlobStore {

    /** A stored blob: its SHA-256 (lower-case hex) and size in bytes. */
    record Blob(String hash, long size) {}

    /** Writes the bytes of {@code content} durably (file and directory fsynced) and returns their address. */
    Blob write(InputStream content) throws IOException;

    /**
     * Records, in the caller's transaction, that {@code blob} is about to be referenced; must be
     * called in every transaction that stores a reference. Throws {@link IllegalStateException}
     * if the bytes have gone (a collector raced with a write): the caller's transaction then
     * fails and nothing refers to missing bytes.
     */
    void claim(Blob blob);

    /** Opens a blob for reading; {@link java.nio.file.NoSuchFileException} if it does not exist. */
    InputStream open(String hash) throws IOException;

    /** Whether the bytes of {@code hash} are stored. */
    boolean exists(String hash);
}
