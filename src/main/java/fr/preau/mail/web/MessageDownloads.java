package fr.preau.mail.web;

import fr.preau.mail.MessageSummary;
import fr.preau.mail.mime.Attachment;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/** File names and media types of what the web mail lets a user download or preview. */
final class MessageDownloads {

    /** Media types shown inside a page (img, preview); everything else is only downloaded. */
    static final Set<String> PREVIEWABLE_IMAGES = Set.of("image/png", "image/gif", "image/jpeg", "image/webp");
    static final String PDF = "application/pdf";

    private MessageDownloads() {}

    static boolean previewable(Attachment a) {
        return PREVIEWABLE_IMAGES.contains(a.mediaType()) || PDF.equals(a.mediaType());
    }

    /**
     * The media type to send: the part's own when it parses, else a neutral octet stream; never
     * one a browser would render as a document able to run script (HTML, XHTML, SVG, any XML,
     * JavaScript), even sandboxed: those are octet streams too.
     */
    static MediaType mediaType(String type) {
        try {
            MediaType parsed = MediaType.parseMediaType(type);
            return parsed.isWildcardType() || parsed.isWildcardSubtype() || active(parsed)
                    ? MediaType.APPLICATION_OCTET_STREAM : parsed;
        } catch (RuntimeException invalid) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static boolean active(MediaType t) {
        String sub = t.getSubtype().toLowerCase(Locale.ROOT);
        return sub.equals("html") || sub.contains("xml") || sub.contains("javascript") || sub.contains("ecmascript")
                || sub.equals("xhtml") || sub.equals("svg");
    }

    static String disposition(boolean inline, String filename) {
        ContentDisposition.Builder b = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        return b.filename(safeName(filename), StandardCharsets.UTF_8).build().toString();
    }

    /** A file name without path separators or control characters, never empty. */
    static String safeName(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > 150) {
            n = n.substring(0, 150);
        }
        return n.isEmpty() ? "piece-jointe" : n;
    }

    /** The name of a message saved as a file: its subject, else "message". */
    static String emlName(MessageSummary m) {
        String subject = m.subject() == null || m.subject().isBlank() ? "message" : m.subject();
        return safeName(subject.length() > 80 ? subject.substring(0, 80) : subject) + ".eml";
    }

    /** Names made unique in a zip: "a.pdf", "a (2).pdf". */
    static String unique(String name, Set<String> used) {
        String candidate = safeName(name);
        int dot = candidate.lastIndexOf('.');
        String stem = dot > 0 ? candidate.substring(0, dot) : candidate;
        String ext = dot > 0 ? candidate.substring(dot) : "";
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = stem + " (" + i + ")" + ext;
        }
        return candidate;
    }

    static Set<String> names() {
        return new HashSet<>();
    }
}
