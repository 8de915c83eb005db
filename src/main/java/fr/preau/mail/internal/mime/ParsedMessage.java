package fr.preau.mail.internal.mime;

import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.Envelope;
import fr.preau.mail.mime.MessageHeaders;
import fr.preau.mail.mime.MimePart;

import java.util.List;

/**
 * Everything the mail store keeps from parsing one raw message once, at delivery or APPEND.
 *
 * @param headers the decoded header fields
 * @param envelope the IMAP envelope of the message
 * @param body the body structure (see {@link MimePart} for paths)
 * @param text the best plain text: the {@code text/plain} body, else the HTML body as text;
 *     line breaks kept, whitespace normalised; empty when there is none
 * @param html the HTML body decoded to a string (not sanitised), or null when there is none
 * @param preview the first ~{@value MimeParser#PREVIEW_LENGTH} characters of the text on one line
 * @param textParts paths of the parts that make {@code text}, in order
 * @param htmlParts paths of the parts that make {@code html}, in order (empty when html is null)
 * @param attachments attachments, in message order, inline ones included
 * @param hasAttachment whether at least one attachment is not inline
 * @param attachmentText text of text attachments and nested messages, for the search index
 *     (at most ~1 MB)
 * @param size octets read from the stream
 * @param truncated whether a limit was reached (parts, depth, text sizes) or the input was too
 *     broken to be read to its end; what was read is still there
 */
public record ParsedMessage(
        MessageHeaders headers,
        Envelope envelope,
        MimePart body,
        String text,
        String html,
        String preview,
        List<String> textParts,
        List<String> htmlParts,
        List<Attachment> attachments,
        boolean hasAttachment,
        String attachmentText,
        long size,
        boolean truncated) {

    /** The Message-ID without angle brackets, or null. */
    public String messageIdOrNull() {
        return headers.messageId();
    }

    /** The subject for threading and subject sort (see {@link MimeParser#normalizedSubject}). */
    public String normalizedSubject() {
        return MimeParser.normalizedSubject(headers.subject());
    }
}
