package fr.preau.mail.web;

import fr.preau.mail.Draft;
import fr.preau.mail.DraftAttachment;
import fr.preau.mail.QuotaUsage;
import fr.preau.platform.web.FieldErrors;
import java.util.List;

/**
 * The compose page: the message as it stands (nothing typed is ever lost on a refusal), the
 * errors by field, and what the page needs around it.
 *
 * @param base {@code /simple} or {@code /app}: the interface the page belongs to
 * @param maxMegabytes the largest message that can be sent, attachments included
 */
public record ComposePage(String base, FolderTree tree, Draft draft, FieldErrors errors, Notice notice,
                          QuotaUsage quota, long maxMegabytes) {

    public String to() {
        return AddressList.join(draft.to());
    }

    public String cc() {
        return AddressList.join(draft.cc());
    }

    public String bcc() {
        return AddressList.join(draft.bcc());
    }

    public String references() {
        return String.join(" ", draft.references());
    }

    public String ref(DraftAttachment a) {
        return AttachmentRef.of(a);
    }

    public long totalBytes() {
        return draft.attachments().stream().mapToLong(DraftAttachment::size).sum();
    }

    public List<DraftAttachment> attachments() {
        return draft.attachments();
    }

    public boolean showCopies() {
        return !draft.cc().isEmpty() || !draft.bcc().isEmpty() || errors.has("cc") || errors.has("bcc");
    }

    public long remainingMegabytes() {
        return Math.max(0, quota.limitBytes() - quota.usedBytes()) / (1024 * 1024);
    }
}
