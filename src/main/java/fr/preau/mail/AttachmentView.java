package fr.preau.mail;

/**
 * An attachment as the reading pane offers it (download it with
 * {@link MailMessages#openDecoded(long, long, String, Integer)}).
 *
 * @param path the part's IMAP path
 * @param tnefIndex null for a MIME part; for a file inside a TNEF part ({@code winmail.dat}) at
 *     {@code path}, its index there
 * @param filename decoded and safe to offer (no directory), never null: a neutral name such as
 *     {@code attachment-2.bin} when the message gives none
 * @param contentType {@code type/subtype}, lower-case
 * @param size decoded size in octets
 * @param image a raster image a browser shows (PNG, GIF, JPEG, WebP, BMP; not SVG)
 * @param pdf a PDF document
 * @param inline shown inside the HTML body (referred to by {@code cid:}); a list may hide it
 */
public record AttachmentView(String path, Integer tnefIndex, String filename, String contentType, long size,
                             boolean image, boolean pdf, boolean inline) {}
