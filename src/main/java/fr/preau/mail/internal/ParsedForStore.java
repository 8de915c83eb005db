package fr.preau.mail.internal;

import fr.preau.mail.MailAddress;
import java.time.Instant;
import java.util.List;

/**
 * What the store keeps of a parsed message besides its bytes: the fields of the list view,
 * the ids threading needs and the cached MIME structure.
 */
public record ParsedForStore(String subject, String normalizedSubject, MailAddress from, List<MailAddress> to,
                             List<MailAddress> cc, Instant sentDate, String messageId, String inReplyTo,
                             List<String> references, int priority, boolean hasAttachment, String preview,
                             String structureJson) {}
