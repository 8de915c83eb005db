package fr.preau.mail.web;

import fr.preau.identity.AgentPrincipal;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.NoSuchMessageException;
import fr.preau.mail.mime.Attachment;
import fr.preau.mail.mime.MessageStructure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What both interfaces download from a message: an attachment (or an inline image or PDF
 * preview), all attachments as a zip, the whole message as a {@code .eml} file, its full
 * headers. Only listed attachments can be fetched, by their index; nothing here is ever served
 * as HTML, and every answer is sandboxed by its own Content-Security-Policy.
 */
@Controller
class MessagePartsController {

    /** Served files can run nothing and load nothing, even if a browser were to render one. */
    static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private final MailMessages messages;

    MessagePartsController(MailMessages messages) {
        this.messages = messages;
    }

    /** An attachment by its part path (and index inside a TNEF part); only listed attachments are served. */
    @GetMapping("/mail/message/{id}/attachment")
    void attachment(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, @RequestParam String path,
                    @RequestParam(required = false) Integer tnef, @RequestParam(defaultValue = "false") boolean inline,
                    HttpServletResponse response) throws IOException {
        MessageStructure structure = messages.structure(agent.accountId(), id);
        Attachment a = structure.attachments().stream()
                .filter(x -> x.path().equals(path) && java.util.Objects.equals(x.tnefIndex(), tnef))
                .findFirst().orElseThrow(NoSuchMessageException::new);
        boolean show = inline && MessageDownloads.previewable(a);
        response.setContentType(show ? a.mediaType() : MessageDownloads.mediaType(a.mediaType()).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, MessageDownloads.disposition(show, a.filename()));
        response.setHeader("Content-Security-Policy", MessageDownloads.PDF.equals(a.mediaType()) && show
                ? "default-src 'none'; object-src 'self'; plugin-types application/pdf" : SANDBOX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        try (InputStream in = messages.openDecoded(agent.accountId(), id, a.path(), a.tnefIndex());
             OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** An image the HTML body refers to by {@code cid:}, reached by its part path. */
    @GetMapping("/mail/message/{id}/inline")
    void inlinePart(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, @RequestParam String path,
                    HttpServletResponse response) throws IOException {
        MessageStructure structure = messages.structure(agent.accountId(), id);
        Attachment a = structure.attachments().stream()
                .filter(x -> x.path().equals(path) && x.tnefIndex() == null && MessageDownloads.PREVIEWABLE_IMAGES.contains(x.mediaType()))
                .findFirst().orElseThrow(NoSuchMessageException::new);
        response.setContentType(a.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, MessageDownloads.disposition(true, a.filename()));
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        try (InputStream in = messages.openDecoded(agent.accountId(), id, a.path(), null);
             OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    @GetMapping("/mail/message/{id}/attachments.zip")
    void zip(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        MessageSummary m = messages.get(agent.accountId(), id);
        MessageStructure structure = messages.structure(agent.accountId(), id);
        String stem = MessageDownloads.emlName(m).replaceFirst("\\.eml$", "");
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, MessageDownloads.disposition(false, stem + ".zip"));
        response.setHeader("Content-Security-Policy", SANDBOX);
        Set<String> used = MessageDownloads.names();
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            for (Attachment a : structure.attachments()) {
                if (a.inline() && a.contentId() != null) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(MessageDownloads.unique(a.filename(), used)));
                try (InputStream in = messages.openDecoded(agent.accountId(), id, a.path(), a.tnefIndex())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    @GetMapping("/mail/message/{id}/eml")
    void eml(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        MessageSummary m = messages.get(agent.accountId(), id);
        response.setContentType("message/rfc822");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, MessageDownloads.disposition(false, MessageDownloads.emlName(m)));
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setContentLengthLong(m.size());
        try (InputStream in = messages.openRaw(agent.accountId(), id); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The header block exactly as received, as plain text (shown by "Afficher l'en-tête complet"). */
    @GetMapping("/mail/message/{id}/headers")
    void headers(@AuthenticationPrincipal AgentPrincipal agent, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Content-Security-Policy", SANDBOX);
        try (InputStream in = messages.openSection(agent.accountId(), id, "HEADER");
             OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
