package fr.preau.mail.mime;

/**
 * One header field for a "full headers" view: the name as written and the value unfolded,
 * 8-bit bytes read as UTF-8 (else windows-1252) and RFC 2047 words decoded.
 */
public record HeaderField(String name, String value) {}
