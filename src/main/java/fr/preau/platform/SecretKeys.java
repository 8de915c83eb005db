package fr.preau.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's master secret and the keys derived from it, one per purpose
 * (NUMEN hashing, activation codes, captcha, ...).
 *
 * <p>The master secret comes from {@code PREAU_SECRET_KEY} (base64, at least 32 bytes) when
 * set, which is how several nodes share it; otherwise from {@code secret.key} in the data
 * directory, created with owner-only permissions on first use. It is never stored in the
 * database, so a database dump alone does not let anyone test NUMEN guesses.
 */
@Component
public class SecretKeys {

    private static final String HMAC = "HmacSHA256";
    private final byte[] master;

    public SecretKeys(PreauProperties properties, @Value("${PREAU_SECRET_KEY:}") String fromEnvironment) {
        this.master = fromEnvironment.isBlank()
                ? loadOrCreate(properties.dataDir().resolve("secret.key"))
                : decode(fromEnvironment);
    }

    /** HMAC-SHA256 of {@code value} under the key derived for {@code purpose}, as lower-case hex. */
    public String hmacHex(String purpose, String value) {
        return HexFormat.of().formatHex(mac(derive(purpose), value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The raw key derived for a purpose (for libraries that take a key string). */
    public String derivedKeyHex(String purpose) {
        return HexFormat.of().formatHex(derive(purpose));
    }

    private byte[] derive(String purpose) {
        return mac(master, ("preau:" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length < 32) {
            throw new IllegalStateException("PREAU_SECRET_KEY must hold at least 32 bytes (base64)");
        }
        return key;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n",
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process (server or admin command) created it first: use theirs
                }
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file system: rely on the data directory's own permissions
        }
    }
}
