package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/**
 * An HTTP request line: a browser or proxy made to talk to the SMTP port (cross-protocol
 * attacks). The connection is closed at once instead of answering each header line.
 */
final class NotSmtpCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        session.replyNow(SmtpReply.of(421, "4.7.0", session.hostname() + " This is an SMTP server, closing connection"));
    }
}
