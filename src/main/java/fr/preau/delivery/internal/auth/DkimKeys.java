package fr.preau.delivery.internal.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.preau.platform.SecretKeys;
import java.net.IDN;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The DKIM keys of the hosted domains, kept in {@code dkim_key}: made on first use (RSA,
 * {@code preau.dkim.key-bits}), the private key encrypted with {@link DkimKeyCipher}. A domain
 * signs with the key of the configured selector, or else with its newest key; a new key's
 * selector is {@code preau} + year-month. Nodes that make a domain's first key at the same
 * moment agree on one (the first insert wins, the others read it). Decrypted keys are kept in
 * memory for a few minutes.
 */
public class DkimKeys {

    private static final Logger log = LoggerFactory.getLogger(DkimKeys.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final JdbcClient jdbc;
    private final DkimKeyCipher cipher;
    private final Clock clock;
    private final DkimProperties properties;
    private final Cache<String, DkimKey> current = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    public DkimKeys(JdbcClient jdbc, SecretKeys secrets, Clock clock, DkimProperties properties) {
        this.jdbc = jdbc;
        this.cipher = new DkimKeyCipher(secrets);
        this.clock = clock;
        this.properties = properties;
    }

    /** The key a domain signs with now, made and stored if it has none. */
    public DkimKey current(String domain) {
        String d = normalise(domain);
        return current.get(d, this::loadOrCreate);
    }

    /** The TXT record to publish for a domain's current key (made if needed). */
    public DkimDnsRecord dnsRecord(String domain) {
        return dnsRecord(current(domain));
    }

    public static DkimDnsRecord dnsRecord(DkimKey key) {
        return new DkimDnsRecord(key.recordName(), "v=DKIM1; k=rsa; p=" + key.publicKeyBase64());
    }

    /** Every stored key of a domain, newest first (for the admin and for key rotation). */
    public List<DkimKey> all(String domain) {
        String d = normalise(domain);
        return jdbc.sql("select domain, selector, private_key_encrypted, public_key, created_at from dkim_key"
                        + " where domain = ? order by created_at desc, selector desc")
                .param(d)
                .query((rs, n) -> decode(rs.getString("domain"), rs.getString("selector"),
                        rs.getString("private_key_encrypted"), rs.getString("public_key"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private DkimKey loadOrCreate(String domain) {
        String selector = properties.selector();
        Optional<DkimKey> stored = selector != null ? find(domain, selector) : all(domain).stream().findFirst();
        if (stored.isPresent()) {
            return stored.get();
        }
        String newSelector = selector != null ? selector
                : "preau" + MONTH.format(clock.instant().atOffset(ZoneOffset.UTC));
        create(domain, newSelector);
        return find(domain, newSelector).orElseThrow(() -> new IllegalStateException("DKIM key of " + domain + " not stored"));
    }

    private Optional<DkimKey> find(String domain, String selector) {
        return jdbc.sql("select domain, selector, private_key_encrypted, public_key, created_at from dkim_key"
                        + " where domain = ? and selector = ?")
                .params(domain, selector)
                .query((rs, n) -> decode(rs.getString("domain"), rs.getString("selector"),
                        rs.getString("private_key_encrypted"), rs.getString("public_key"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private void create(String domain, String selector) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(properties.keyBits());
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            Instant now = clock.instant();
            int inserted = jdbc.sql("insert into dkim_key (domain, selector, private_key_encrypted, public_key, created_at)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(domain, selector, cipher.encrypt(pkcs8, domain, selector),
                            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                            now.atOffset(ZoneOffset.UTC))
                    .update();
            if (inserted == 1) {
                log.info("New DKIM key for {}: publish its TXT record at {}._domainkey.{}", domain, selector, domain);
            }
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private DkimKey decode(String domain, String selector, String encrypted, String publicKey, Instant createdAt) {
        byte[] pkcs8 = cipher.decrypt(encrypted, domain, selector);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new DkimKey(domain, selector, rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
                    createdAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable DKIM key " + selector + "._domainkey." + domain, e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    static String normalise(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty() || d.contains("@")) {
            throw new IllegalArgumentException("Not a domain: " + domain);
        }
        return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
    }
}
