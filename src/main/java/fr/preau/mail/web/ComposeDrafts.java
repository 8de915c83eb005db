package fr.preau.mail.web;

import fr.preau.mail.ComposeException;
import fr.preau.mail.Draft;
import fr.preau.mail.DraftAttachment;
import fr.preau.mail.MailMessages;
import fr.preau.mail.MailUploads;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.NoSuchMessageException;
import fr.preau.mail.Upload;
import fr.preau.mail.mime.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns a posted compose form back into a {@link Draft}: the fields as typed, the attachments it
 * references looked up again for the signed-in account (a reference to someone else's upload or
 * message is dropped), and the files just chosen staged as uploads.
 */
@Component
class ComposeDrafts {

    private final MailMessages messages;
    private final MailUploads uploads;

    ComposeDrafts(MailMessages messages, MailUploads uploads) {
        this.messages = messages;
        this.uploads = uploads;
    }

    Draft fromForm(long accountId, ComposeForm form, Set<String> removed) {
        List<DraftAttachment> attachments = new ArrayList<>();
        for (String ref : form.att()) {
            if (removed.contains(ref)) {
                continue;
            }
            resolve(accountId, ref).ifPresent(attachments::add);
        }
        return new Draft(form.draft(), AddressList.split(form.to()), AddressList.split(form.cc()),
                AddressList.split(form.bcc()), form.subject(), form.text(), safeHtml(form.html()), form.priority(), form.receipt(),
                blankToNull(form.inReplyTo()), form.referenceList(), form.replied(), form.forwarded(), attachments);
    }

    /** Stages the chosen files; a refused one (too big, over quota) is reported and the others kept. */
    List<DraftAttachment> stage(long accountId, List<MultipartFile> files, List<ComposeException> refused) {
        List<DraftAttachment> staged = new ArrayList<>();
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                Upload upload = uploads.stage(accountId, file.getOriginalFilename(), file.getContentType(), in);
                staged.add(DraftAttachment.upload(upload));
            } catch (ComposeException e) {
                refused.add(e);
            } catch (IOException e) {
                refused.add(ComposeException.of("attachments", "webmail.compose.error.upload-failed",
                        MessageDownloads.safeName(file.getOriginalFilename())));
            }
        }
        return staged;
    }

    void discardUploads(long accountId, Draft draft) {
        draft.attachments().stream().filter(a -> a.source() == DraftAttachment.Source.UPLOAD)
                .forEach(a -> uploads.discard(accountId, a.uploadId()));
    }

    private java.util.Optional<DraftAttachment> resolve(long accountId, String ref) {
        return AttachmentRef.parse(ref).flatMap(p -> {
            try {
                return java.util.Optional.ofNullable(switch (p.source()) {
                    case UPLOAD -> DraftAttachment.upload(uploads.get(accountId, p.id()));
                    case MESSAGE -> {
                        MessageSummary m = messages.get(accountId, p.id());
                        yield DraftAttachment.message(m.id(), MessageDownloads.emlName(m), m.size());
                    }
                    case PART -> {
                        Attachment a = messages.structure(accountId, p.id()).attachments().stream()
                                .filter(x -> x.path().equals(p.path()) && x.tnefIndex() == null).findFirst()
                                .orElse(null);
                        yield a == null ? null : DraftAttachment.part(p.id(), a.path(), a.filename(), a.mediaType(), a.size());
                    }
                });
            } catch (NoSuchMessageException | ComposeException gone) {
                return java.util.Optional.empty();
            }
        });
    }

    /**
     * The rich-text body as the editor posted it, through the same allowlist as received mail
     * (what the agent sends is clean HTML, and a draft reopened in the editor too).
     */
    static String safeHtml(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        return fr.preau.mail.internal.render.HtmlBodySanitizer.sanitize(html, cid -> null, true).html();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
