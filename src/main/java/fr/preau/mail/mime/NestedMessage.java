package fr.preau.mail.mime;

/**
 * The message inside a {@code message/rfc822} (or {@code message/global}) part: its envelope and
 * the structure of its body. The body's path follows RFC 3501: {@code P.1} when the nested body
 * is a single part, {@code P.TEXT} when it is a multipart (whose children are {@code P.1},
 * {@code P.2}...).
 */
public record NestedMessage(Envelope envelope, MimePart body) {}
