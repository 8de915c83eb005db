package fr.preau.delivery.internal.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler that accepts what it is told to and remembers everything it was given: senders,
 * recipients, messages (bytes copied while the spool exists), the session as seen at DATA.
 */
class RecordingHandler implements SmtpHandler {

    /** A message as the handler got it. */
    record Delivery(Envelope envelope, byte[] bytes, long size, boolean spooledToFile,
                    Optional<SmtpSessionInfo.Tls> tls, Optional<String> user, Optional<String> helo,
                    ListenerKind listener) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The message without the first header field (the server's Received:). */
        String withoutTrace() {
            String text = text();
            int end = text.indexOf("\r\n", text.indexOf(";"));
            return text.substring(end + 2);
        }
    }

    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final Set<String> unknownRecipients = ConcurrentHashMap.newKeySet();
    final List<String> senders = new CopyOnWriteArrayList<>();
    final List<String> recipients = new CopyOnWriteArrayList<>();
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final List<String> authAttempts = new CopyOnWriteArrayList<>();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    volatile SmtpReply connectReply = SmtpReply.READY;
    volatile SmtpReply dataReply = SmtpReply.of(250, "2.0.0", "Queued");
    volatile RuntimeException failure;
    volatile boolean failAuthentication;

    RecordingHandler withUser(String user, String password) {
        passwords.put(user, password);
        return this;
    }

    @Override
    public SmtpReply connect(SmtpSessionInfo session) {
        return connectReply;
    }

    @Override
    public AuthResult authenticate(SmtpSessionInfo session, String user, String password) {
        authAttempts.add(user);
        if (failAuthentication) {
            throw new IllegalStateException("directory down");
        }
        return password.equals(passwords.get(user)) ? AuthResult.success(user) : AuthResult.failure();
    }

    @Override
    public SmtpReply mailFrom(SmtpSessionInfo session, String reversePath, Map<String, String> parameters) {
        senders.add(reversePath);
        return SmtpReply.of(250, "2.1.0", "Sender ok");
    }

    @Override
    public SmtpReply rcptTo(SmtpSessionInfo session, Envelope transaction, String forwardPath,
                            Map<String, String> parameters) {
        if (unknownRecipients.contains(forwardPath)) {
            return SmtpReply.of(550, "5.1.1", "No such user");
        }
        recipients.add(forwardPath);
        return SmtpReply.of(250, "2.1.5", "Recipient ok");
    }

    @Override
    public SmtpReply data(SmtpSessionInfo session, Envelope envelope, SpooledMessage message) {
        if (failure != null) {
            throw failure;
        }
        try (InputStream in = message.open()) {
            byte[] bytes = in.readAllBytes();
            try (InputStream again = message.open()) {
                if (!java.util.Arrays.equals(bytes, again.readAllBytes())) {
                    throw new IllegalStateException("a spooled message reads the same every time");
                }
            }
            deliveries.add(new Delivery(envelope, bytes, message.size(), message.inFile(), session.tls(),
                    session.authenticatedUser(), session.heloName(), session.listener()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataReply;
    }

    @Override
    public void reset(SmtpSessionInfo session) {
        resets.incrementAndGet();
    }

    @Override
    public void close(SmtpSessionInfo session) {
        closes.incrementAndGet();
    }

    Delivery onlyDelivery() {
        if (deliveries.size() != 1) {
            throw new AssertionError("expected one delivery, got " + deliveries.size());
        }
        return deliveries.getFirst();
    }
}
