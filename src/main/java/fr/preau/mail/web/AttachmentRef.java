package fr.preau.mail.web;

import fr.preau.mail.DraftAttachment;
import java.util.Optional;

/**
 * How a compose form carries an attachment between posts: {@code u:ID} (an upload),
 * {@code p:MESSAGE:PATH} (a part of a stored message), {@code m:MESSAGE} (a whole message).
 * Only the reference travels; name, type and size are looked up again on the server, for the
 * signed-in account.
 */
final class AttachmentRef {

    private AttachmentRef() {}

    static String of(DraftAttachment a) {
        return switch (a.source()) {
            case UPLOAD -> "u:" + a.uploadId();
            case PART -> "p:" + a.messageId() + ":" + a.partPath();
            case MESSAGE -> "m:" + a.messageId();
        };
    }

    record Parsed(DraftAttachment.Source source, long id, String path) {}

    static Optional<Parsed> parse(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        try {
            String[] p = ref.split(":", 3);
            return switch (p[0]) {
                case "u" -> Optional.of(new Parsed(DraftAttachment.Source.UPLOAD, Long.parseLong(p[1]), null));
                case "m" -> Optional.of(new Parsed(DraftAttachment.Source.MESSAGE, Long.parseLong(p[1]), null));
                case "p" -> p.length == 3 && !p[2].isEmpty()
                        ? Optional.of(new Parsed(DraftAttachment.Source.PART, Long.parseLong(p[1]), p[2]))
                        : Optional.empty();
                default -> Optional.empty();
            };
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
