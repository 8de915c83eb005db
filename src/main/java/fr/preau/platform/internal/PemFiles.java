package fr.preau.platform.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reading and writing PEM files: certificate chains ({@code CERTIFICATE} blocks, leaf first)
 * and unencrypted private keys, PKCS#8 ({@code PRIVATE KEY}) or the older RSA PKCS#1 and EC
 * SEC1 forms ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}, with or without an
 * {@code EC PARAMETERS} block before it), as certbot, openssl and most CAs write them.
 */
public final class PemFiles {

    private PemFiles() {}

    /** Every certificate and key found in a file, in order. */
    public record Contents(List<X509Certificate> certificates, List<PrivateKey> keys) {}

    public static Contents read(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                switch (object) {
                    case X509CertificateHolder holder -> certificates.add(certificateConverter.getCertificate(holder));
                    case PrivateKeyInfo info -> keys.add(keyConverter.getPrivateKey(info));
                    case PEMKeyPair pair -> keys.add(keyConverter.getPrivateKey(pair.getPrivateKeyInfo()));
                    case PEMEncryptedKeyPair encrypted -> throw encrypted(file);
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> throw encrypted(file);
                    default -> { } // EC PARAMETERS, public keys, CRLs: nothing a server needs
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PEM file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Invalid certificate in " + file + ": " + e.getMessage(), e);
        }
        return new Contents(List.copyOf(certificates), List.copyOf(keys));
    }

    /** The key pair from a certificate file and a key file (which may be the same file), checked to match. */
    public static ServerCredentials credentials(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = read(certificateFile).certificates();
        if (chain.isEmpty()) {
            throw new IllegalStateException("No certificate in " + certificateFile);
        }
        List<PrivateKey> keys = read(keyFile).keys();
        if (keys.size() != 1) {
            throw new IllegalStateException((keys.isEmpty() ? "No" : "More than one") + " private key in " + keyFile);
        }
        ServerCredentials credentials = new ServerCredentials(keys.getFirst(), chain);
        if (!matches(credentials)) {
            throw new IllegalStateException("The private key in " + keyFile
                    + " does not belong to the first certificate of " + certificateFile);
        }
        return credentials;
    }

    /** Whether the private key signs what the leaf certificate's public key verifies. */
    public static boolean matches(ServerCredentials credentials) {
        String algorithm = switch (credentials.key().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalStateException("Unsupported key type " + credentials.key().getAlgorithm()
                    + " (RSA or EC keys only)");
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(credentials.key());
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(credentials.certificate().getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** PEM text of a certificate chain followed by the key in PKCS#8. */
    public static String toPem(ServerCredentials credentials) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : credentials.chain()) {
                writer.writeObject(certificate);
            }
            writer.writeObject(new JcaPKCS8Generator(credentials.key(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static IllegalStateException encrypted(Path file) {
        return new IllegalStateException("The private key in " + file
                + " is encrypted; give it unencrypted in a file only the server can read");
    }
}
