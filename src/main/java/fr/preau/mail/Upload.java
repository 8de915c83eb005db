package fr.preau.mail;

import java.time.Instant;

/** A file an agent uploaded while writing a message; kept until the message is sent, or a day. */
public record Upload(long id, long accountId, String filename, String contentType, long size, Instant createdAt) {}
