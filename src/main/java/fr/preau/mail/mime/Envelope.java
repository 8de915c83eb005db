package fr.preau.mail.mime;

import fr.preau.mail.MailAddress;

import java.util.List;

/**
 * What IMAP {@code ENVELOPE} needs of a message (RFC 3501 section 7.4.2), for the stored message
 * and for every nested {@code message/rfc822}: {@code date}, {@code inReplyTo} and
 * {@code messageId} are the header values as written (unfolded, null when absent); the subject
 * is decoded (an IMAP writer re-encodes it when the client has not enabled UTF-8); address lists
 * are decoded, groups flattened, empty when the header is absent ({@code sender} and
 * {@code replyTo} are not defaulted to {@code from}: the IMAP writer does that).
 */
public record Envelope(
        String date,
        String subject,
        List<MailAddress> from,
        List<MailAddress> sender,
        List<MailAddress> replyTo,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> bcc,
        String inReplyTo,
        String messageId) {

    public static final Envelope EMPTY = new Envelope(null, null, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null, null);

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }
}
