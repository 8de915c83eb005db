package fr.preau.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate an installation without its own uses: RSA 2048 (what every mail client,
 * old ones included, can use), valid 825 days, for the configured host name and
 * {@code localhost}, made on first start and kept with its key in one owner-only PEM file
 * ({@code <data directory>/tls/self-signed.pem}), so that clients which accepted it once keep
 * seeing the same certificate. A new one is made when the file is missing or unreadable, when
 * the host name changed, or when fewer than 30 days of validity are left.
 */
public final class SelfSignedCertificate {

    public static final String FILE_NAME = "self-signed.pem";
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private SelfSignedCertificate() {}

    /** The credentials kept in {@code directory} for {@code hostname}, made (or remade) when needed. */
    public static ServerCredentials loadOrCreate(Path directory, String hostname, Clock clock) {
        Path file = directory.resolve(FILE_NAME);
        ServerCredentials existing = readIfUsable(file, hostname, clock);
        if (existing != null) {
            return existing;
        }
        boolean replacing = Files.exists(file);
        ServerCredentials made = generate(hostname, clock);
        try {
            createPrivateDirectory(directory);
            Path temporary = Files.createTempFile(directory, "self-signed", ".tmp", ownerOnly(directory));
            try {
                Files.writeString(temporary, PemFiles.toPem(made), StandardCharsets.US_ASCII);
                move(temporary, file, replacing);
            } catch (FileAlreadyExistsException raced) {
                // another process made one at the same moment: use theirs, so that both agree
                ServerCredentials theirs = readIfUsable(file, hostname, clock);
                if (theirs != null) {
                    return theirs;
                }
                move(temporary, file, true);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the self-signed certificate in " + directory, e);
        }
        log.info("Made a self-signed TLS certificate for {} in {} (SHA-256 fingerprint {}); "
                        + "set PREAU_TLS_CERT_FILE and PREAU_TLS_KEY_FILE to use a CA-signed one",
                hostname, file, fingerprint(made.certificate()));
        return made;
    }

    /** The certificate's SHA-256 fingerprint, as colon-separated upper-case hex (what clients show). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes new credentials for {@code hostname} (and {@code localhost}). */
    public static ServerCredentials generate(String hostname, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, hostname)
                    .addRDN(BCStyle.O, "Preau (self-signed)")
                    .build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).setBit(63),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                    subject, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostname));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new ServerCredentials(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot make a self-signed certificate", e);
        }
    }

    /** The DNS names (and IP addresses) a certificate is valid for, lower case. */
    public static Set<String> names(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    int type = (Integer) alternative.get(0);
                    if (type == GeneralName.dNSName || type == GeneralName.iPAddress) {
                        names.add(alternative.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no usable names
        }
        return names;
    }

    private static GeneralNames alternativeNames(String hostname) {
        List<GeneralName> names = new ArrayList<>();
        names.add(IPV4.matcher(hostname).matches() || hostname.contains(":")
                ? new GeneralName(GeneralName.iPAddress, hostname)
                : new GeneralName(GeneralName.dNSName, hostname));
        if (!hostname.equals("localhost")) {
            names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static ServerCredentials readIfUsable(Path file, String hostname, Clock clock) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            PemFiles.Contents contents = PemFiles.read(file);
            if (contents.certificates().isEmpty() || contents.keys().size() != 1) {
                return unusable(file, "it does not hold one certificate and its key");
            }
            ServerCredentials credentials = new ServerCredentials(contents.keys().getFirst(), contents.certificates());
            X509Certificate certificate = credentials.certificate();
            if (!names(certificate).contains(hostname.toLowerCase(Locale.ROOT))) {
                return unusable(file, "it is not for " + hostname);
            }
            if (certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
                return unusable(file, "it expires on " + certificate.getNotAfter().toInstant());
            }
            if (!PemFiles.matches(credentials)) {
                return unusable(file, "its key does not match");
            }
            return credentials;
        } catch (RuntimeException e) {
            return unusable(file, e.getMessage());
        }
    }

    private static ServerCredentials unusable(Path file, String why) {
        log.info("Replacing the self-signed TLS certificate {}: {}", file, why);
        return null;
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        if (replace) {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notSupported) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        try {
            // a hard link fails if the target exists, where a rename would silently replace it
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException exists) {
            throw exists;
        } catch (IOException | UnsupportedOperationException noHardLinks) {
            Files.move(from, to);
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
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
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException raced) {
            // made by another process meanwhile
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
