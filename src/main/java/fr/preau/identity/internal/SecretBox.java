package fr.preau.identity.internal;

import fr.preau.platform.SecretKeys;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals the TOTP secrets for the database: AES-256-GCM under a key derived from the
 * installation's master secret (which never is in the database), a random 96-bit nonce per
 * seal, and the account id as associated data, so that a sealed secret copied onto another
 * account does not open. Stored as {@code v1.<base64url(nonce || ciphertext || tag)>}.
 */
@Component
public class SecretBox {

    private static final String PREFIX = "v1.";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(SecretKeys keys) {
        this.key = new SecretKeySpec(HexFormat.of().parseHex(keys.derivedKeyHex("two-factor-secret")), "AES");
    }

    public String seal(long accountId, byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(accountId));
            byte[] sealed = cipher.doFinal(secret);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret; fails if the text was altered, sealed under another key or for another account. */
    public byte[] open(long accountId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown sealed secret format");
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            cipher.updateAAD(associatedData(accountId));
            return cipher.doFinal(all, NONCE, all.length - NONCE);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("sealed secret does not open", e);
        }
    }

    private static byte[] associatedData(long accountId) {
        return ("preau:two-factor:" + accountId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
