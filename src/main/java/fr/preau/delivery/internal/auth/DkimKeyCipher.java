package fr.preau.delivery.internal.auth;

import fr.preau.platform.SecretKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts DKIM private keys at rest: AES-256-GCM under the key that the installation secret
 * derives for {@code dkim}, a fresh 96-bit nonce per key, and the domain and selector as
 * associated data, so that a stored key cannot be moved to another row unnoticed. Stored as
 * {@code v1:} + base64(nonce || ciphertext || tag).
 */
final class DkimKeyCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    DkimKeyCipher(SecretKeys secrets) {
        this.key = new SecretKeySpec(HexFormat.of().parseHex(secrets.derivedKeyHex("dkim")), "AES");
    }

    String encrypt(byte[] privateKey, String domain, String selector) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(domain, selector));
            byte[] sealed = cipher.doFinal(privateKey);
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The private key's bytes; fails if the secret is not the one it was sealed with. */
    byte[] decrypt(String stored, String domain, String selector) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown DKIM key format for " + selector + "._domainkey." + domain);
        }
        byte[] data = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(domain, selector));
            return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("The DKIM key of " + selector + "._domainkey." + domain
                    + " cannot be decrypted: the installation secret (PREAU_SECRET_KEY or secret.key) is not the one it was made with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] aad(String domain, String selector) {
        return ("dkim:" + domain + ":" + selector).getBytes(StandardCharsets.UTF_8);
    }
}
