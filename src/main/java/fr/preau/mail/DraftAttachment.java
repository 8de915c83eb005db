package fr.preau.mail;

/**
 * A file attached to a {@link Draft}: an uploaded file ({@link MailUploads}), a part of a stored
 * message of the account (an attachment of a forwarded message, of a saved draft), or a whole
 * stored message attached as {@code message/rfc822}.
 *
 * @param uploadId for {@link Source#UPLOAD}, else null
 * @param messageId for {@link Source#PART} and {@link Source#MESSAGE}, else null
 * @param partPath for {@link Source#PART}: the part's IMAP path, else null
 * @param size in octets, decoded (what the agent sees)
 */
public record DraftAttachment(Source source, Long uploadId, Long messageId, String partPath, String filename,
                              String contentType, long size) {

    public enum Source { UPLOAD, PART, MESSAGE }

    public DraftAttachment {
        if (source == null) {
            throw new IllegalArgumentException("no source");
        }
        filename = filename == null || filename.isBlank() ? "piece-jointe" : filename;
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    public static DraftAttachment upload(Upload upload) {
        return new DraftAttachment(Source.UPLOAD, upload.id(), null, null, upload.filename(), upload.contentType(),
                upload.size());
    }

    public static DraftAttachment part(long messageId, String partPath, String filename, String contentType, long size) {
        return new DraftAttachment(Source.PART, null, messageId, partPath, filename, contentType, size);
    }

    public static DraftAttachment message(long messageId, String filename, long size) {
        return new DraftAttachment(Source.MESSAGE, null, messageId, null, filename, "message/rfc822", size);
    }
}
