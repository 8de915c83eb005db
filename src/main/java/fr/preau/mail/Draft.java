package fr.preau.mail;

import java.util.List;

/**
 * A message being written in the web mail: what the compose form holds, what a saved draft gives
 * back, and what {@link MailComposer#send} sends. Addresses are as the agent typed them
 * ({@code nom@domaine} or {@code Nom <nom@domaine>}); they are checked only on sending.
 *
 * @param draftMessageId the saved version in Brouillons this one replaces, or null
 * @param html the rich-text body, or null for plain text only
 * @param priority 1 high, 3 normal, 5 low
 * @param readReceipt ask for a read receipt ({@code Disposition-Notification-To})
 * @param inReplyTo the Message-ID answered (without angle brackets), or null
 * @param references the conversation's Message-IDs, oldest first (without angle brackets)
 * @param repliedMessageId the stored message answered (it gets \Answered once sent), or null
 * @param forwardedMessageId the stored message forwarded (it gets $Forwarded once sent), or null
 */
public record Draft(Long draftMessageId, List<String> to, List<String> cc, List<String> bcc, String subject,
                    String text, String html, int priority, boolean readReceipt, String inReplyTo,
                    List<String> references, Long repliedMessageId, Long forwardedMessageId,
                    List<DraftAttachment> attachments) {

    public static final int HIGH = 1;
    public static final int NORMAL = 3;
    public static final int LOW = 5;

    public Draft {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        priority = priority == HIGH || priority == LOW ? priority : NORMAL;
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A new, empty message. */
    public static Draft empty() {
        return new Draft(null, List.of(), List.of(), List.of(), "", "", null, NORMAL, false, null, List.of(), null,
                null, List.of());
    }

    /** The same message, as the saved version {@code id} (after {@link MailComposer#saveDraft}). */
    public Draft withDraftMessageId(Long id) {
        return new Draft(id, to, cc, bcc, subject, text, html, priority, readReceipt, inReplyTo, references,
                repliedMessageId, forwardedMessageId, attachments);
    }
}
