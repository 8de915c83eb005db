package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/** QUIT (RFC 5321 section 4.1.1.10): says goodbye and closes; a transaction in progress is abandoned. */
final class QuitCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        session.quit();
        session.replyNow(SmtpReply.of(221, "2.0.0", session.hostname() + " closing connection"));
    }
}
