package fr.preau.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.platform.internal.SelfSignedCertificate;
import fr.preau.testsupport.MutableClock;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listeners' TLS material: a self-signed certificate made once and reused, PEM files
 * loaded in their usual forms, and real handshakes limited to TLS 1.2/1.3 and our suites.
 */
class TlsMaterialTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void makesASelfSignedCertificateOnceAndReusesIt() throws Exception {
        Path tls = dir.resolve("data").resolve("tls");
        TlsMaterial first = new TlsMaterial(tls, "mx.ac-test.fr", null, null, clock);
        assertThat(Files.exists(tls)).as("nothing is made before it is needed").isFalse();

        X509Certificate certificate = first.certificateChain().getFirst();
        Path file = tls.resolve(SelfSignedCertificate.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("BEGIN CERTIFICATE", "BEGIN PRIVATE KEY");
        assertThat(SelfSignedCertificate.names(certificate)).containsExactly("mx.ac-test.fr", "localhost");
        assertThat(first.selfSigned()).isTrue();

        TlsMaterial second = new TlsMaterial(tls, "mx.ac-test.fr", null, null, clock);
        assertThat(second.certificateChain().getFirst()).isEqualTo(certificate);
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void makesANewCertificateForAnotherNameOrBeforeExpiry() throws Exception {
        Path tls = dir.resolve("tls");
        X509Certificate original = new TlsMaterial(tls, "mx.ac-test.fr", null, null, clock).certificateChain().getFirst();

        X509Certificate renamed = new TlsMaterial(tls, "smtp.ac-test.fr", null, null, clock).certificateChain().getFirst();
        assertThat(renamed).isNotEqualTo(original);
        assertThat(SelfSignedCertificate.names(renamed)).contains("smtp.ac-test.fr");

        clock.advance(Duration.ofDays(800)); // 25 days before the end of its 825
        X509Certificate renewed = new TlsMaterial(tls, "smtp.ac-test.fr", null, null, clock).certificateChain().getFirst();
        assertThat(renewed).isNotEqualTo(renamed);
        assertThat(renewed.getNotAfter().toInstant()).isAfter(clock.instant().plus(Duration.ofDays(800)));
    }

    @Test
    void replacesAnUnreadableFile() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Files.writeString(tls.resolve(SelfSignedCertificate.FILE_NAME), "not a PEM file");
        TlsMaterial material = new TlsMaterial(tls, "mx.ac-test.fr", null, null, clock);
        assertThat(material.certificateChain()).hasSize(1);
        assertThat(Files.readString(tls.resolve(SelfSignedCertificate.FILE_NAME))).contains("BEGIN CERTIFICATE");
    }

    @Test
    void loadsAChainAndAPkcs1RsaKey() throws Exception {
        Pki pki = Pki.rsa();
        Path certificate = write("chain.pem", pki.leaf(), pki.ca());
        Path key = write("key.pem", pki.leafKey()); // JcaPEMWriter writes RSA keys as PKCS#1
        assertThat(Files.readString(key)).contains("BEGIN RSA PRIVATE KEY");

        TlsMaterial material = new TlsMaterial(dir, "ignored", certificate, key, clock);
        assertThat(material.certificateChain()).containsExactly(pki.leaf(), pki.ca());
        assertThat(material.selfSigned()).isFalse();
        assertThat(Files.exists(dir.resolve(SelfSignedCertificate.FILE_NAME))).isFalse();

        // a client that trusts only the CA accepts the server: the whole chain is sent
        assertThat(handshake(material, clientTrusting(pki.ca()), null, null)).isEqualTo("TLSv1.3");
    }

    @Test
    void loadsPkcs8AndEcKeys() throws Exception {
        Pki rsa = Pki.rsa();
        Path rsaKey = dir.resolve("rsa-pkcs8.pem");
        Files.writeString(rsaKey, pem(new JcaPKCS8Generator(rsa.leafKey(), null)));
        assertThat(Files.readString(rsaKey)).contains("BEGIN PRIVATE KEY");
        assertThat(new TlsMaterial(dir, "x", write("rsa.pem", rsa.leaf()), rsaKey, clock).certificateChain())
                .containsExactly(rsa.leaf());

        Pki ec = Pki.ec();
        Path ecKey = dir.resolve("ec-key.pem");
        Files.writeString(ecKey, opensslEcKey(ec)); // as "openssl ecparam -genkey" writes it
        assertThat(Files.readString(ecKey)).contains("BEGIN EC PARAMETERS", "BEGIN EC PRIVATE KEY");
        TlsMaterial material = new TlsMaterial(dir, "x", write("ec.pem", ec.leaf(), ec.ca()), ecKey, clock);
        assertThat(handshake(material, clientTrusting(ec.ca()), null, null)).isEqualTo("TLSv1.3");
    }

    @Test
    void refusesAKeyThatDoesNotMatchTheCertificate() throws Exception {
        Pki one = Pki.rsa();
        Pki other = Pki.rsa();
        TlsMaterial material = new TlsMaterial(dir, "x", write("chain.pem", one.leaf()), write("key.pem", other.leafKey()), clock);
        assertThatThrownBy(material::serverContext).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new TlsMaterial(dir, "x", write("c.pem", one.leaf()), null, clock))
                .hasMessageContaining("PREAU_TLS_KEY_FILE");
    }

    @Test
    void offersTls12And13OnlyWithForwardSecretAeadSuites() throws Exception {
        TlsMaterial material = new TlsMaterial(dir.resolve("tls"), "localhost", null, null, clock);
        SSLParameters parameters = material.serverParameters();
        assertThat(parameters.getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(parameters.getCipherSuites()).isNotEmpty().allMatch(TlsMaterial.CIPHER_SUITES::contains);
        assertThat(parameters.getUseCipherSuitesOrder()).isTrue();

        SSLContext client = clientTrusting(material.certificateChain().getFirst());
        assertThat(handshake(material, client, null, null)).isEqualTo("TLSv1.3");
        assertThat(handshake(material, client, "TLSv1.2", null)).isEqualTo("TLSv1.2");
        // a CBC suite the JDK client would take is refused by the server
        assertThatThrownBy(() -> handshake(material, client, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void clientContextTrustsTheJdkAuthoritiesNotTheSelfSignedCertificate() throws Exception {
        TlsMaterial material = new TlsMaterial(dir.resolve("tls"), "localhost", null, null, clock);
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        assertThat(((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers()).hasSizeGreaterThan(50);
        assertThatThrownBy(() -> handshake(material, material.clientContext(), null, null))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void isASpringComponentConfiguredByPreauTls() {
        new ApplicationContextRunner()
                .withUserConfiguration(PlatformConfiguration.class, TlsMaterial.class)
                .withPropertyValues("preau.data-dir=" + dir, "preau.tls.hostname=Smtp.AC-Test.fr.")
                .run(context -> {
                    TlsMaterial material = context.getBean(TlsMaterial.class);
                    assertThat(material.hostname()).isEqualTo("smtp.ac-test.fr");
                    assertThat(material.selfSigned()).isTrue();
                    material.serverContext();
                    assertThat(dir.resolve("tls").resolve(SelfSignedCertificate.FILE_NAME)).exists();
                });
    }

    // ---- helpers

    /** Runs one handshake against a server socket made from the material; the negotiated protocol. */
    private static String handshake(TlsMaterial material, SSLContext client, String protocol, String suite) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) material.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSSLParameters(material.serverParameters());
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                    socket.getOutputStream().write('x');
                    socket.getOutputStream().flush();
                    socket.getInputStream().read();
                } catch (IOException ignored) {
                    // the client's side reports
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 10_000);
                socket.setSoTimeout(10_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName("localhost")));
                if (protocol != null) {
                    parameters.setProtocols(new String[] {protocol});
                }
                if (suite != null) {
                    parameters.setCipherSuites(new String[] {suite});
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                assertThat(socket.getInputStream().read()).isEqualTo('x');
                socket.getOutputStream().write('y');
                socket.getOutputStream().flush();
                return socket.getSession().getProtocol();
            } finally {
                accepted.get(10, TimeUnit.SECONDS);
            }
        }
    }

    static SSLContext clientTrusting(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("trusted", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private Path write(String name, Object... objects) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, pem(objects));
        return file;
    }

    private static String pem(Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof JcaPKCS8Generator generator) {
                    writer.writeObject(generator);
                } else {
                    writer.writeObject(object);
                }
            }
        }
        return text.toString();
    }

    /** SEC1 key with its curve and public key, after an EC PARAMETERS block (openssl's traditional form). */
    private static String opensslEcKey(Pki pki) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pki.leafKey().getEncoded());
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        DERBitString publicKey = new DERBitString(SubjectPublicKeyInfo.getInstance(pki.leaf().getPublicKey().getEncoded())
                .getPublicKeyData().getBytes());
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), publicKey, curve).getEncoded();
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject("EC PARAMETERS", curve.toASN1Primitive().getEncoded()));
            writer.writeObject(new PemObject("EC PRIVATE KEY", sec1));
        }
        return text.toString();
    }

    /** A small CA and a leaf certificate for {@code localhost} signed by it. */
    private record Pki(X509Certificate ca, X509Certificate leaf, PrivateKey leafKey) {

        static Pki rsa() throws Exception {
            return make("RSA", null, "SHA256withRSA");
        }

        static Pki ec() throws Exception {
            return make("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA");
        }

        private static Pki make(String algorithm, ECGenParameterSpec spec, String signature) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else {
                generator.initialize(2048);
            }
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair leafKeys = generator.generateKeyPair();
            Date from = Date.from(Instant.now().minus(Duration.ofDays(1)));
            Date to = Date.from(Instant.now().plus(Duration.ofDays(30)));
            X500Name caName = new X500Name("CN=Test CA");
            JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName,
                    caKeys.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            X509Certificate caCertificate = new JcaX509CertificateConverter().getCertificate(
                    ca.build(new JcaContentSignerBuilder(signature).build(caKeys.getPrivate())));
            JcaX509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to,
                    new X500Name("CN=localhost"), leafKeys.getPublic());
            leaf.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509Certificate leafCertificate = new JcaX509CertificateConverter().getCertificate(
                    leaf.build(new JcaContentSignerBuilder(signature).build(caKeys.getPrivate())));
            return new Pki(caCertificate, leafCertificate, leafKeys.getPrivate());
        }
    }
}
