package fr.preau.mail.mime;

import fr.preau.mail.internal.mime.MessageIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a message's body structure, with what IMAP {@code BODYSTRUCTURE} needs.
 *
 * <p>Paths are IMAP part numbers (RFC 3501 section 6.4.5): a single-part message body is
 * {@code 1}; the children of the top-level multipart are {@code 1}, {@code 2}...; a nested
 * multipart at {@code 2} has children {@code 2.1}, {@code 2.2}; the body of a
 * {@code message/rfc822} at {@code 3} is {@code 3.1} when single-part, otherwise a multipart
 * with path {@code 3.TEXT} whose children are {@code 3.1}, {@code 3.2}. The top-level multipart
 * itself has path {@code TEXT}. Every path is accepted by {@code PartExtractor}.
 *
 * @param path IMAP section path, see above
 * @param type media type, lower-case ({@code text}); the effective one: a multipart without a
 *     usable boundary, or a missing or invalid type, is {@code text/plain} (in a
 *     {@code multipart/digest}: {@code message/rfc822}), as the parser read it
 * @param subtype media subtype, lower-case ({@code plain})
 * @param params {@code Content-Type} parameters, names lower-case, values decoded (RFC 2231 and
 *     RFC 2047), in order
 * @param id {@code Content-ID} as written (with its angle brackets), or null
 * @param description {@code Content-Description}, decoded, or null
 * @param encoding {@code Content-Transfer-Encoding}, lower-case, {@code 7bit} when absent
 * @param size size of the body in octets as it is in the message, still transfer-encoded
 *     (0 for a multipart)
 * @param lines number of lines of the encoded body (0 for a multipart)
 * @param md5 {@code Content-MD5}, or null
 * @param disposition {@code Content-Disposition} value, lower-case, or null
 * @param dispositionParams its parameters, decoded like {@code params}
 * @param language {@code Content-Language} tags
 * @param location {@code Content-Location}, or null
 * @param parts children of a multipart, else empty
 * @param message the nested message of a {@code message/rfc822} or {@code message/global} part,
 *     else null (also null past the depth limit: then treat the part as an opaque leaf)
 */
public record MimePart(
        String path,
        String type,
        String subtype,
        Map<String, String> params,
        String id,
        String description,
        String encoding,
        long size,
        long lines,
        String md5,
        String disposition,
        Map<String, String> dispositionParams,
        List<String> language,
        String location,
        List<MimePart> parts,
        NestedMessage message) {

    public MimePart {
        params = params == null ? Map.of() : params;
        dispositionParams = dispositionParams == null ? Map.of() : dispositionParams;
        language = language == null ? List.of() : List.copyOf(language);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** {@code type/subtype}. */
    public String mediaType() {
        return type + "/" + subtype;
    }

    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** A {@code message/rfc822} or {@code message/global} part (with or without its nested message). */
    public boolean isMessage() {
        return type.equals("message") && (subtype.equals("rfc822") || subtype.equals("global"));
    }

    public boolean isText() {
        return type.equals("text");
    }

    /** The declared charset, or null. */
    public String charset() {
        return params.get("charset");
    }

    /** The file name from {@code Content-Disposition} ({@code filename}) or {@code Content-Type} ({@code name}), or null. */
    public String filename() {
        String name = dispositionParams.get("filename");
        if (name == null || name.isBlank()) {
            name = params.get("name");
        }
        return name == null || name.isBlank() ? null : name;
    }

    /** The {@code Content-ID} without angle brackets, or null. */
    public String contentId() {
        return MessageIds.first(id);
    }

    public boolean isAttachmentDisposition() {
        return "attachment".equals(disposition);
    }

    /** This part and all below it (nested messages included), depth first, in message order. */
    public List<MimePart> flatten() {
        List<MimePart> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(MimePart part, List<MimePart> out) {
        out.add(part);
        for (MimePart child : part.parts) {
            collect(child, out);
        }
        if (part.message != null && part.message.body() != null) {
            collect(part.message.body(), out);
        }
    }

    /** The part with this path, at or below this one. */
    public Optional<MimePart> find(String wanted) {
        for (MimePart part : flatten()) {
            if (part.path.equals(wanted)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }
}
