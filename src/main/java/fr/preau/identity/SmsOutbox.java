package fr.preau.identity;

import java.time.Instant;
import java.util.List;

/** What the default SMS gateway kept: read by administrators (and by tests), newest first. */
public interface SmsOutbox {

    record Sms(long id, Long accountId, String recipient, String body, Instant createdAt) {}

    List<Sms> latest(String recipient, int limit);
}
