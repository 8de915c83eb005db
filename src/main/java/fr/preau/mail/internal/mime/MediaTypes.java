package fr.preau.mail.internal.mime;

import java.util.Locale;
import java.util.Map;

/**
 * The few media type and file extension pairs attachment names need: the extension of a
 * generated name ({@code attachment-2.pdf}) and the media type of a file found without one
 * (inside TNEF).
 */
final class MediaTypes {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/calendar", ".ics"),
            Map.entry("text/csv", ".csv"), Map.entry("text/vcard", ".vcf"), Map.entry("text/x-vcard", ".vcf"),
            Map.entry("text/rtf", ".rtf"), Map.entry("application/rtf", ".rtf"), Map.entry("text/xml", ".xml"),
            Map.entry("application/xml", ".xml"), Map.entry("application/json", ".json"),
            Map.entry("application/pdf", ".pdf"), Map.entry("application/zip", ".zip"),
            Map.entry("application/gzip", ".gz"), Map.entry("application/msword", ".doc"),
            Map.entry("application/vnd.ms-excel", ".xls"), Map.entry("application/vnd.ms-powerpoint", ".ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
            Map.entry("application/vnd.oasis.opendocument.text", ".odt"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
            Map.entry("application/vnd.oasis.opendocument.presentation", ".odp"),
            Map.entry("application/ics", ".ics"), Map.entry("application/pgp-signature", ".asc"),
            Map.entry("application/pgp-encrypted", ".pgp"), Map.entry("application/pkcs7-signature", ".p7s"),
            Map.entry("application/x-pkcs7-signature", ".p7s"), Map.entry("application/pkcs7-mime", ".p7m"),
            Map.entry("application/x-pkcs7-mime", ".p7m"), Map.entry("application/ms-tnef", ".dat"),
            Map.entry("application/vnd.ms-tnef", ".dat"), Map.entry("message/rfc822", ".eml"),
            Map.entry("message/global", ".eml"), Map.entry("message/delivery-status", ".txt"),
            Map.entry("message/disposition-notification", ".txt"), Map.entry("message/feedback-report", ".txt"),
            Map.entry("message/global-delivery-status", ".txt"), Map.entry("message/partial", ".eml"),
            Map.entry("image/jpeg", ".jpg"), Map.entry("image/jpg", ".jpg"), Map.entry("image/pjpeg", ".jpg"),
            Map.entry("image/png", ".png"), Map.entry("image/gif", ".gif"), Map.entry("image/bmp", ".bmp"),
            Map.entry("image/webp", ".webp"), Map.entry("image/tiff", ".tif"), Map.entry("image/svg+xml", ".svg"),
            Map.entry("image/heic", ".heic"), Map.entry("audio/mpeg", ".mp3"), Map.entry("audio/wav", ".wav"),
            Map.entry("audio/ogg", ".ogg"), Map.entry("video/mp4", ".mp4"), Map.entry("video/mpeg", ".mpg"),
            Map.entry("video/quicktime", ".mov"));

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("htm", "text/html"), Map.entry("html", "text/html"),
            Map.entry("ics", "text/calendar"), Map.entry("csv", "text/csv"), Map.entry("vcf", "text/vcard"),
            Map.entry("rtf", "application/rtf"), Map.entry("xml", "application/xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"), Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("webp", "image/webp"), Map.entry("eml", "message/rfc822"),
            Map.entry("msg", "application/vnd.ms-outlook"), Map.entry("mp3", "audio/mpeg"), Map.entry("mp4", "video/mp4"));

    private MediaTypes() {}

    /** ".pdf" for application/pdf; ".bin" when unknown. */
    static String extension(String mediaType) {
        String known = EXTENSIONS.get(mediaType);
        if (known != null) {
            return known;
        }
        return mediaType != null && mediaType.startsWith("text/") ? ".txt" : ".bin";
    }

    /** The media type of a file name's extension; application/octet-stream when unknown. */
    static String guess(String filename) {
        if (filename == null) {
            return "application/octet-stream";
        }
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return "application/octet-stream";
        }
        return TYPES.getOrDefault(filename.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
