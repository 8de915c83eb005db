package fr.preau.platform.internal;

import fr.preau.platform.BlobStore;
import fr.preau.platform.PreauProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Blobs as files under {@code <data directory>/blobs/ab/cd/<sha-256>}: written to a temporary
 * file while hashed, fsynced, moved into place atomically, and the directory fsynced, so that
 * a blob either exists whole or not at all, even across a power cut.
 */
@Component
public class FileBlobStore implements BlobStore {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path incoming;
    private final JdbcClient jdbc;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    FileBlobStore(PreauProperties properties, JdbcClient jdbc, Clock clock) {
        this(properties.dataDir().resolve("blobs"), jdbc, clock);
    }

    public FileBlobStore(Path root, JdbcClient jdbc, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve("incoming");
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Blob write(InputStream content) throws IOException {
        Files.createDirectories(incoming);
        Path temporary = incoming.resolve(UUID.randomUUID() + ".tmp");
        MessageDigest sha256 = sha256();
        long size;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), sha256)) {
                size = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Path target = path(hash);
            if (Files.exists(target) && Files.size(target) == size) {
                Files.delete(temporary);
            } else {
                Path directory = target.getParent();
                if (!Files.isDirectory(directory)) {
                    Files.createDirectories(directory);
                    // the new directories' own entries must survive a power cut too, not only the file's
                    fsyncDirectory(directory.getParent());
                    fsyncDirectory(root);
                }
                move(temporary, target);
                fsyncDirectory(directory);
            }
            return new Blob(hash, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void claim(Blob blob) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = jdbc.sql("insert into blob (hash, size, last_used_at) values (?, ?, ?) on conflict do nothing")
                .params(blob.hash(), blob.size(), now).update();
        if (inserted == 0) {
            // locks the row: a collector deciding on this blob waits for our commit, then keeps it
            jdbc.sql("update blob set last_used_at = ? where hash = ?").params(now, blob.hash()).update();
        }
        if (!exists(blob.hash())) {
            throw new IllegalStateException("blob " + blob.hash() + " is no longer stored");
        }
    }

    @Override
    public InputStream open(String hash) throws IOException {
        return Files.newInputStream(path(hash));
    }

    @Override
    public boolean exists(String hash) {
        return Files.exists(path(hash));
    }

    /** Deletes the bytes of a blob (the collector only). */
    void delete(String hash) {
        try {
            Files.deleteIfExists(path(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hash: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException racedWithSameContent) {
            // another writer stored the same bytes first
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the blob directory must be on one file system", e);
        }
    }

    private static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot open a directory for reading: the file itself is fsynced
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
