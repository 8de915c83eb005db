package fr.preau.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message as the reading pane shows it, read from its stored bytes.
 *
 * @param summary the store's row of the message (for a nested message: of the one holding it)
 * @param path null for a stored message; for a nested one, the path of its {@code message/rfc822} part
 * @param subject decoded, empty when absent
 * @param sentDate the Date header, or null when absent or unreadable
 * @param messageId the Message-ID without angle brackets, or null
 * @param safeHtml the HTML body sanitised (ADR 0018), a fragment for a sandboxed iframe; null
 *     when the message has no HTML body
 * @param text the plain-text body: the {@code text/plain} part, or the text of the HTML body
 *     when there is none; empty when the message has no text at all
 * @param remoteContentBlocked whether remote images or styles were removed from {@code safeHtml}
 * @param attachments in message order, inline ones included
 * @param nested attached messages, in message order (nested ones inside them included)
 * @param truncated whether the message was too big or too broken to be read whole
 */
public record MessageView(MessageSummary summary, String path, List<MailAddress> from, List<MailAddress> sender,
                          List<MailAddress> replyTo, List<MailAddress> to, List<MailAddress> cc,
                          List<MailAddress> bcc, String subject, Instant sentDate, String messageId, String safeHtml,
                          String text, boolean remoteContentBlocked, List<AttachmentView> attachments,
                          List<NestedView> nested, boolean truncated) {

    public MessageView {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = List.copyOf(attachments);
        nested = List.copyOf(nested);
    }

    /** Whether the message has an HTML body to show. */
    public boolean hasHtml() {
        return safeHtml != null;
    }
}
