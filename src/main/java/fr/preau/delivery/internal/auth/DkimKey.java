package fr.preau.delivery.internal.auth;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/** One domain's DKIM key pair, decrypted, with its selector. */
public record DkimKey(String domain, String selector, PrivateKey privateKey, RSAPublicKey publicKey, Instant createdAt) {

    /** The DNS name of the key record, e.g. {@code preau202612._domainkey.ac-dijon.fr}. */
    public String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The {@code p=} value: the public key's SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "DkimKey[" + recordName() + ", created " + createdAt + "]"; // never the private key
    }
}
