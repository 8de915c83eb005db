package fr.preau.delivery.internal.smtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * AUTH (RFC 4954) with the PLAIN (RFC 4616) and LOGIN mechanisms, with or without an initial
 * response. Only over TLS, only on listeners that offer it, once per session and outside a
 * transaction. {@code *} cancels ({@code 501 5.7.0}); a wrong password gives
 * {@code 535 5.7.8} and counts as an error; TLS missing gives {@code 530 5.7.0} where the
 * listener requires STARTTLS, else {@code 538 5.7.11}. What the client sends here is never
 * logged.
 */
final class AuthCommand implements SmtpCommand {

    private static final String USERNAME = base64("Username:");
    private static final String PASSWORD = base64("Password:");

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        SmtpListenerConfig config = session.config();
        if (!config.authEnabled()) {
            session.reply(SmtpReply.of(503, "5.5.1", "Authentication not enabled"));
            return;
        }
        if (!session.extended()) {
            session.reply(SmtpReply.of(503, "5.5.1", "Send EHLO first"));
            return;
        }
        if (!session.secure()) {
            session.reply(config.tlsMode() == TlsMode.STARTTLS_REQUIRED
                    ? SmtpReply.of(530, "5.7.0", "Must issue a STARTTLS command first")
                    : SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism"));
            return;
        }
        if (session.authenticatedUser().isPresent()) {
            session.reply(SmtpReply.of(503, "5.5.1", "Already authenticated"));
            return;
        }
        if (session.transaction() != null) {
            session.reply(SmtpReply.of(503, "5.5.1", "AUTH not allowed during a mail transaction"));
            return;
        }
        int space = argument.indexOf(' ');
        String mechanism = (space < 0 ? argument : argument.substring(0, space)).toUpperCase(Locale.ROOT);
        String initial = space < 0 ? null : argument.substring(space + 1).strip();
        if (mechanism.isEmpty()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]"));
            return;
        }
        Credentials credentials = switch (mechanism) {
            case "PLAIN" -> plain(session, initial);
            case "LOGIN" -> login(session, initial);
            default -> {
                session.reply(SmtpReply.of(504, "5.5.4", "Unrecognized authentication type"));
                yield null;
            }
        };
        if (credentials == null) {
            return;
        }
        if (credentials.user().isEmpty() || credentials.password().isEmpty()) {
            session.reply(SmtpReply.of(535, "5.7.8", "Authentication credentials invalid"));
            return;
        }
        switch (session.authenticate(credentials.user(), credentials.password())) {
            case AuthResult.Success success -> {
                session.authenticated(success.user());
                session.reply(SmtpReply.of(235, "2.7.0", "Authentication successful"));
            }
            case AuthResult.Failure failure ->
                    session.reply(SmtpReply.of(535, "5.7.8", "Authentication credentials invalid"));
            case AuthResult.TemporaryFailure temporary ->
                    session.reply(SmtpReply.of(454, "4.7.0", "Temporary authentication failure"));
        }
    }

    private record Credentials(String user, String password) {}

    /** PLAIN: {@code [authzid] NUL authcid NUL password}; an authorization identity other than the user's is refused. */
    private static Credentials plain(SmtpSession session, String initial) throws IOException {
        String response = initial != null ? initial : exchange(session, "");
        if (response == null) {
            return null;
        }
        String decoded = decode(session, response);
        if (decoded == null) {
            return null;
        }
        String[] parts = decoded.split("\u0000", -1);
        if (parts.length != 3) {
            session.reply(SmtpReply.of(501, "5.5.2", "Invalid PLAIN response"));
            return null;
        }
        if (!parts[0].isEmpty() && !parts[0].equals(parts[1])) {
            session.reply(SmtpReply.of(535, "5.7.8", "Authentication credentials invalid"));
            return null;
        }
        return new Credentials(parts[1], parts[2]);
    }

    /** LOGIN: the user name (possibly as initial response), then the password, each in base64. */
    private static Credentials login(SmtpSession session, String initial) throws IOException {
        String userResponse = initial != null ? initial : exchange(session, USERNAME);
        if (userResponse == null) {
            return null;
        }
        String user = decode(session, userResponse);
        if (user == null) {
            return null;
        }
        String passwordResponse = exchange(session, PASSWORD);
        if (passwordResponse == null) {
            return null;
        }
        String password = decode(session, passwordResponse);
        if (password == null) {
            return null;
        }
        if (user.indexOf('\u0000') >= 0 || password.indexOf('\u0000') >= 0) {
            session.reply(SmtpReply.of(501, "5.5.2", "Invalid LOGIN response"));
            return null;
        }
        return new Credentials(user, password);
    }

    /** Sends a 334 challenge and reads the answer; {@code null} (already answered) if cancelled or too long. */
    private static String exchange(SmtpSession session, String challenge) throws IOException {
        session.replyNow(SmtpReply.of(334, null, challenge));
        SmtpInput.Line line = session.readAuthLine();
        if (line.tooLong()) {
            session.reply(SmtpReply.of(500, "5.5.6", "Authentication exchange line is too long"));
            return null;
        }
        if (line.text().equals("*")) {
            session.reply(SmtpReply.of(501, "5.7.0", "Authentication cancelled"));
            return null;
        }
        return line.text();
    }

    /** Base64 to UTF-8 text ({@code =} is the empty response); {@code null} (already answered) if invalid. */
    private static String decode(SmtpSession session, String response) throws IOException {
        if (response.equals("=")) {
            return "";
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(response.strip());
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            session.reply(SmtpReply.of(501, "5.5.2", "Cannot decode the response"));
            return null;
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
