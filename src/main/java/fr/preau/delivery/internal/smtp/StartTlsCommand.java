package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/**
 * STARTTLS (RFC 3207): {@code 220}, then the handshake; whatever the client sent after the
 * command in plain text is dropped. The client must greet again afterwards.
 */
final class StartTlsCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        if (session.secure()) {
            session.reply(SmtpReply.of(503, "5.5.1", "TLS already active"));
            return;
        }
        if (!session.canStartTls()) {
            session.reply(SmtpReply.of(502, "5.5.1", "STARTTLS not available"));
            return;
        }
        if (!argument.isEmpty()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: STARTTLS"));
            return;
        }
        if (session.transaction() != null) {
            session.reply(SmtpReply.of(503, "5.5.1", "Mail transaction in progress"));
            return;
        }
        session.replyNow(SmtpReply.of(220, "2.0.0", "Ready to start TLS"));
        session.startTls();
    }
}
