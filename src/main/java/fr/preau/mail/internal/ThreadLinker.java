package fr.preau.mail.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts each new message in a conversation: the one of any message it refers to (In-Reply-To,
 * References); else the one rooted at the first message it refers to, or at its own
 * Message-ID (so that a parent arriving after its replies joins them); else, for a reply or
 * forward without those headers, the latest conversation with the same normalised subject
 * in the last 30 days.
 */
@Component
public class ThreadLinker {

    static final Duration SUBJECT_WINDOW = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final MessageRepository messages;

    public ThreadLinker(JdbcClient jdbc, MessageRepository messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public long threadFor(long accountId, ParsedForStore parsed, Instant now) {
        Set<String> referred = new LinkedHashSet<>();
        if (parsed.references() != null) {
            parsed.references().stream().filter(r -> r != null && !r.isBlank()).forEach(referred::add);
        }
        if (parsed.inReplyTo() != null && !parsed.inReplyTo().isBlank()) {
            referred.add(parsed.inReplyTo());
        }
        if (!referred.isEmpty()) {
            List<Long> known = messages.threadsOfMessageIds(accountId, referred.stream().limit(200).toList());
            if (!known.isEmpty()) {
                return known.get(0);
            }
            return threadWithRoot(accountId, referred.iterator().next());
        }
        String own = parsed.messageId();
        if (own != null && !own.isBlank()) {
            Optional<Long> rooted = existingThread(accountId, own);
            if (rooted.isPresent()) {
                return rooted.get();
            }
        }
        if (isReplyOrForward(parsed) && !parsed.normalizedSubject().isBlank()) {
            Optional<Long> bySubject = messages.threadOfSubject(accountId,
                    MessageRepository.truncate(parsed.normalizedSubject(), 200), now.minus(SUBJECT_WINDOW));
            if (bySubject.isPresent()) {
                return bySubject.get();
            }
        }
        return threadWithRoot(accountId, own != null && !own.isBlank() ? own : "preau-" + UUID.randomUUID());
    }

    private static boolean isReplyOrForward(ParsedForStore parsed) {
        String subject = parsed.subject() == null ? "" : parsed.subject().strip().toLowerCase(Locale.ROOT);
        return !subject.equals(parsed.normalizedSubject());
    }

    private Optional<Long> existingThread(long accountId, String root) {
        return jdbc.sql("select id from mail_thread where account_id = ? and root_key = ?")
                .params(accountId, key(root)).query(Long.class).optional();
    }

    private long threadWithRoot(long accountId, String root) {
        String key = key(root);
        jdbc.sql("insert into mail_thread (account_id, root_key) values (?, ?) on conflict do nothing")
                .params(accountId, key).update();
        return jdbc.sql("select id from mail_thread where account_id = ? and root_key = ?")
                .params(accountId, key).query(Long.class).single();
    }

    static String key(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(messageId.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
