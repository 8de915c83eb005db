package fr.preau.mail;

/**
 * A message {@link MailComposer#send} has sent.
 *
 * @param sentCopyId the copy in Envoyés, or null when it did not fit in the quota (the message was sent all the same)
 * @param messageIdHeader its Message-ID, without angle brackets
 * @param recipients how many addresses it went to (To, Cc and Bcc, without duplicates)
 */
public record SentMessage(Long sentCopyId, String messageIdHeader, int recipients) {}
