package fr.preau.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the protocol listeners' TLS certificate comes from, bound from {@code preau.tls.*}.
 *
 * @param certificateFile PEM file with the certificate chain (leaf first), or blank for a
 *                        self-signed certificate made on first start ({@code PREAU_TLS_CERT_FILE})
 * @param keyFile         PEM file with its private key, PKCS#8 or PKCS#1 / SEC1, RSA or EC,
 *                        unencrypted ({@code PREAU_TLS_KEY_FILE})
 * @param hostname        name the self-signed certificate is made for (besides {@code localhost});
 *                        blank means the SMTP host name, then this machine's name
 */
@ConfigurationProperties("preau.tls")
public record TlsProperties(String certificateFile, String keyFile, String hostname) {}
