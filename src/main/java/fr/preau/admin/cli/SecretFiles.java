package fr.preau.admin.cli;

import fr.preau.platform.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold activation codes (code lists, letters): created new, never overwritten,
 * readable by their owner only from the moment they exist.
 */
public final class SecretFiles {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private SecretFiles() {}

    /**
     * Checks, before anything is changed, that {@code file} can be created: it does not exist
     * and its directory does. Refuses with a translated reason otherwise.
     */
    public static void checkCreatable(Path file) {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw UserError.of("cli.error.file-exists", file);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw UserError.of("cli.error.directory-missing", parent == null ? file : parent);
        }
        if (!Files.isWritable(parent)) {
            throw UserError.of("cli.error.directory-not-writable", parent);
        }
    }

    /** Checks that {@code directory} exists and is writable, or can be created. */
    public static void checkDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw UserError.of("cli.error.not-a-directory", directory);
            }
            if (!Files.isWritable(absolute)) {
                throw UserError.of("cli.error.directory-not-writable", directory);
            }
            return;
        }
        Path parent = absolute.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isWritable(parent)) {
            throw UserError.of("cli.error.directory-not-writable", directory);
        }
    }

    /** Creates {@code directory} (owner-only) if it does not exist yet. */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory, OWNER_DIRECTORY);
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(directory);
        }
    }

    /** Writes a new owner-only file; fails if it exists. */
    public static void write(Path file, String content) throws IOException {
        try {
            Files.createFile(file, OWNER_FILE);
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * Writes a new owner-only file named {@code base + extension} in {@code directory}, or
     * {@code base-2}, {@code base-3}... if taken; returns the file written.
     */
    public static Path writeUnique(Path directory, String base, String extension, String content) throws IOException {
        for (int n = 1; ; n++) {
            Path file = directory.resolve(n == 1 ? base + extension : base + "-" + n + extension);
            try {
                write(file, content);
                return file;
            } catch (FileAlreadyExistsException taken) {
                // try the next name
            }
        }
    }
}
