package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/** NOOP (RFC 5321 section 4.1.1.9): does nothing, whatever its argument. */
final class NoopCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        session.reply(SmtpReply.OK);
    }
}
