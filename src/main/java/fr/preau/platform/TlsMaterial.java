package fr.preau.platform;

import fr.preau.platform.internal.PemFiles;
import fr.preau.platform.internal.SelfSignedCertificate;
import fr.preau.platform.internal.ServerCredentials;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The TLS material of the protocol listeners (SMTP, later IMAP): a server {@link SSLContext}
 * with the installation's certificate, the parameters every listener applies (TLS 1.2 and 1.3
 * only, forward-secret AEAD cipher suites, server's order), and a client context trusting the
 * JDK's certificate authorities for outbound connections.
 *
 * <p>The certificate and key come from PEM files when {@code preau.tls.certificate-file} and
 * {@code preau.tls.key-file} are set (PKCS#8 or PKCS#1/SEC1, RSA or EC, full chain leaf first);
 * otherwise from a self-signed certificate for the host name made on first use and kept under
 * {@code <data directory>/tls/} (owner-only), reused on later starts. Files are read on first
 * use, not at construction, so that contexts which never open a listener never touch them.
 */
@Component
public class TlsMaterial {

    /** The protocol versions offered, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * Cipher suites in the server's order of preference: the TLS 1.3 suites, then Mozilla's
     * "intermediate" TLS 1.2 list (ECDHE or DHE key exchange, AES-GCM or ChaCha20-Poly1305).
     */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final Path directory;
    private final String hostname;
    private final Path certificateFile;
    private final Path keyFile;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Loaded loaded;

    @Autowired
    public TlsMaterial(PreauProperties preau, TlsProperties tls) {
        this(preau.dataDir().resolve("tls"), HostNames.orThisMachine(tls.hostname()),
                path(tls.certificateFile()), path(tls.keyFile()), Clock.systemUTC());
    }

    /**
     * @param directory       where the self-signed certificate is kept
     * @param hostname        the name a self-signed certificate is made for
     * @param certificateFile PEM certificate chain, or {@code null} for a self-signed certificate
     * @param keyFile         PEM private key; {@code null} exactly when {@code certificateFile} is
     */
    public TlsMaterial(Path directory, String hostname, Path certificateFile, Path keyFile, Clock clock) {
        if ((certificateFile == null) != (keyFile == null)) {
            throw new IllegalStateException("Set both preau.tls.certificate-file and preau.tls.key-file "
                    + "(PREAU_TLS_CERT_FILE, PREAU_TLS_KEY_FILE), or neither for a self-signed certificate");
        }
        this.directory = directory;
        this.hostname = HostNames.orThisMachine(hostname);
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.clock = clock;
    }

    /** The context server sockets are made from; use it with {@link #serverParameters()}. */
    public SSLContext serverContext() {
        return load().serverContext();
    }

    /** A fresh copy of the parameters to set on every server socket. */
    public SSLParameters serverParameters() {
        SSLContext context = serverContext();
        SSLParameters parameters = new SSLParameters(supported(context, CIPHER_SUITES), PROTOCOLS.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setNeedClientAuth(false);
        parameters.setWantClientAuth(false);
        return parameters;
    }

    /**
     * A client context trusting the JDK's certificate authorities (outbound SMTP). Callers set
     * {@link #PROTOCOLS} on their sockets and choose their own host name verification.
     */
    public SSLContext clientContext() {
        return load().clientContext();
    }

    /** The server's certificate chain, leaf first. */
    public List<X509Certificate> certificateChain() {
        return load().credentials().chain();
    }

    /** Whether the certificate is the generated self-signed one. */
    public boolean selfSigned() {
        return certificateFile == null;
    }

    /** The name a self-signed certificate is made for. */
    public String hostname() {
        return hostname;
    }

    /** The SHA-256 fingerprint of the server's certificate, as clients show it. */
    public String fingerprint() {
        return SelfSignedCertificate.fingerprint(certificateChain().getFirst());
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current != null) {
            return current;
        }
        lock.lock();
        try {
            if (loaded == null) {
                ServerCredentials credentials = certificateFile == null
                        ? SelfSignedCertificate.loadOrCreate(directory, hostname, clock)
                        : PemFiles.credentials(certificateFile, keyFile);
                loaded = new Loaded(credentials, server(credentials), client());
            }
            return loaded;
        } finally {
            lock.unlock();
        }
    }

    private static SSLContext server(ServerCredentials credentials) {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", credentials.key(), password,
                    credentials.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot make the TLS server context", e);
        }
    }

    private static SSLContext client() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the TLS client context", e);
        }
    }

    private static String[] supported(SSLContext context, List<String> wanted) {
        Set<String> available = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        return wanted.stream().filter(available::contains).toArray(String[]::new);
    }

    private static Path path(String configured) {
        return configured == null || configured.isBlank() ? null : Path.of(configured.strip());
    }

    private record Loaded(ServerCredentials credentials, SSLContext serverContext, SSLContext clientContext) {}

    @Override
    public String toString() {
        return "TlsMaterial[" + (selfSigned() ? "self-signed for " + hostname : certificateFile) + "]";
    }
}
