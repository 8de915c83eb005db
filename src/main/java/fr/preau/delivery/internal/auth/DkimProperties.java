package fr.preau.delivery.internal.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DKIM signing ({@code preau.dkim.*}): {@code selector} forces the selector of every domain
 * (a key is made for it on first use); left empty, each domain keeps signing with its newest
 * key, made on first use with the selector {@code preau} + year and month (e.g.
 * {@code preau202612}). {@code key-bits} is the RSA size of new keys.
 */
@ConfigurationProperties("preau.dkim")
public record DkimProperties(String selector, @DefaultValue("2048") int keyBits) {

    public DkimProperties {
        selector = selector == null || selector.isBlank() ? null : selector.trim().toLowerCase(java.util.Locale.ROOT);
        if (selector != null && !selector.matches("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("preau.dkim.selector must be one DNS label: " + selector);
        }
        if (keyBits < 1024) {
            throw new IllegalArgumentException("preau.dkim.key-bits must be at least 1024 (RFC 8301)");
        }
    }

    public static DkimProperties defaults() {
        return new DkimProperties(null, 2048);
    }
}
