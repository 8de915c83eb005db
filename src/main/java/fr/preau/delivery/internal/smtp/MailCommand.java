package fr.preau.delivery.internal.smtp;

import java.io.IOException;
import java.util.Map;

/**
 * MAIL FROM (RFC 5321 section 4.1.1.2): starts a transaction once the sequence (greeting, no
 * transaction yet, TLS and AUTH where the listener requires them), the address and the
 * parameters are right and the handler accepts the sender. Parameters: SIZE (RFC 1870, refused
 * with {@code 552 5.3.4} above the limit), BODY=7BIT or 8BITMIME (RFC 6152), AUTH (RFC 4954,
 * accepted and ignored); any other gives {@code 555 5.5.4}.
 */
final class MailCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        if (!session.greeted()) {
            session.reply(SmtpReply.of(503, "5.5.1", "Send HELO or EHLO first"));
            return;
        }
        if (session.transaction() != null) {
            session.reply(SmtpReply.of(503, "5.5.1", "Nested MAIL command"));
            return;
        }
        SmtpListenerConfig config = session.config();
        if (config.tlsMode() == TlsMode.STARTTLS_REQUIRED && !session.secure()) {
            refused(session, SmtpReply.of(530, "5.7.0", "Must issue a STARTTLS command first"));
            return;
        }
        if (config.authRequired() && session.authenticatedUser().isEmpty()) {
            refused(session, SmtpReply.of(530, "5.7.0", "Authentication required"));
            return;
        }
        MailArguments parsed;
        try {
            parsed = MailArguments.parse(argument, "FROM:", false);
        } catch (MailArguments.Invalid e) {
            refused(session, switch (e.problem()) {
                case SYNTAX -> SmtpReply.of(501, "5.5.4", "Syntax: MAIL FROM:<address>");
                case ADDRESS -> SmtpReply.of(501, "5.1.7", "Bad sender address syntax");
                case NON_ASCII -> SmtpReply.of(553, "5.6.7", "Non-ASCII addresses are not accepted here");
                case PARAMETER -> SmtpReply.of(501, "5.5.4", "Invalid parameter syntax");
            });
            return;
        }
        SmtpReply problem = checkParameters(parsed.parameters(), config.maxMessageSize());
        if (problem != null) {
            refused(session, problem);
            return;
        }
        SmtpReply reply = session.ask("MAIL", () ->
                session.handler().mailFrom(session, parsed.address(), parsed.parameters()));
        if (reply.positive()) {
            session.beginTransaction(parsed.address(), parsed.parameters());
        } else {
            session.mailRefused();
        }
        session.reply(reply);
    }

    private static void refused(SmtpSession session, SmtpReply reply) throws IOException {
        session.mailRefused();
        session.reply(reply);
    }

    private static SmtpReply checkParameters(Map<String, String> parameters, long maxSize) {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    if (value == null || !value.matches("\\d{1,18}")) {
                        return SmtpReply.of(501, "5.5.4", "Invalid SIZE value");
                    }
                    if (Long.parseLong(value) > maxSize) {
                        return SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
                    }
                }
                case "BODY" -> {
                    if (value == null || !(value.equalsIgnoreCase("7BIT") || value.equalsIgnoreCase("8BITMIME"))) {
                        return SmtpReply.of(501, "5.5.4", "Unsupported BODY type");
                    }
                }
                case "AUTH" -> {
                    if (value == null) {
                        return SmtpReply.of(501, "5.5.4", "Invalid AUTH value");
                    }
                }
                default -> {
                    return SmtpReply.of(555, "5.5.4", "Unsupported parameter " + parameter.getKey());
                }
            }
        }
        return null;
    }
}
