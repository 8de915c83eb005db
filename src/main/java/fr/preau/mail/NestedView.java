package fr.preau.mail;

import java.time.Instant;

/**
 * A message attached to the one shown ({@code message/rfc822}), to open with
 * {@link MailReading#viewNested}.
 *
 * @param path the IMAP path of the {@code message/rfc822} part
 * @param subject decoded, empty when absent
 * @param from the first author, or null
 * @param date its Date header, or null when absent or unreadable
 */
public record NestedView(String path, String subject, MailAddress from, Instant date) {}
