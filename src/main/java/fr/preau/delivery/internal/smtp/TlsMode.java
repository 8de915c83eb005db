package fr.preau.delivery.internal.smtp;

/** How a listener does TLS. */
public enum TlsMode {
    /** Plain text only, STARTTLS not offered (tests, or a listener behind a TLS terminator). */
    NONE,
    /** Plain text with STARTTLS offered (RFC 3207): the MX. */
    STARTTLS,
    /** STARTTLS offered and required before MAIL and AUTH: submission on port 587. */
    STARTTLS_REQUIRED,
    /** TLS from the first byte (RFC 8314): submission on port 465. */
    IMPLICIT
}
