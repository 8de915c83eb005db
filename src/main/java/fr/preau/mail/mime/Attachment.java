package fr.preau.mail.mime;

/**
 * A part the reading pane lists as an attachment (or shows inline, for images referenced by
 * {@code cid:} from the HTML body or placed between body texts).
 *
 * @param path the part's IMAP path (download it with {@code PartExtractor#decoded})
 * @param filename the decoded file name, or a generated one ({@code attachment-2.pdf},
 *     {@code message.eml}) when the message gives none; never a path
 * @param mediaType {@code type/subtype}, lower-case
 * @param size decoded size in octets (exact for Base64 and quoted-printable)
 * @param inline shown inside the body rather than listed
 * @param contentId the {@code Content-ID} without angle brackets, or null
 * @param tnefIndex null for a MIME part; for a file inside a TNEF part ({@code winmail.dat}) at
 *     {@code path}, its index there (download it with {@code PartExtractor#tnefFile})
 */
public record Attachment(
        String path,
        String filename,
        String mediaType,
        long size,
        boolean inline,
        String contentId,
        Integer tnefIndex) {}
