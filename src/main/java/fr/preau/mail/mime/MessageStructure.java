package fr.preau.mail.mime;

import java.util.List;

/**
 * What a stored message is made of, read from the structure cached at delivery (never by
 * parsing again): its envelope, its MIME tree with IMAP part paths, its attachments, and the
 * parts that make its text and HTML bodies.
 *
 * @param truncated whether the message was too big or too broken to be described whole
 */
public record MessageStructure(Envelope envelope, MimePart body, List<Attachment> attachments, List<String> textParts,
                               List<String> htmlParts, boolean hasAttachment, boolean truncated) {}
