package fr.preau.mail.internal.compose;

import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.List;

/**
 * What {@link MessageWriter} turns into RFC 5322 bytes: the checked addresses, the texts and the
 * attachments' sources. {@code bcc} is written only for a draft; the private headers of a draft
 * ({@code X-Preau-*}) only then too.
 */
public record OutgoingMessage(InternetAddress from, List<InternetAddress> to, List<InternetAddress> cc,
                              List<InternetAddress> bcc, String subject, String text, String html, int priority,
                              boolean readReceipt, String inReplyTo, List<String> references, Instant date,
                              String messageId, List<AttachmentSource> attachments, boolean draft,
                              Long repliedMessageId, Long forwardedMessageId) {}
