package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/**
 * VRFY (RFC 5321 section 3.5.3): answered {@code 252} whatever the address, so that nobody
 * can find out which accounts exist.
 */
final class VrfyCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        if (argument.isEmpty()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: VRFY address"));
            return;
        }
        session.reply(SmtpReply.of(252, "2.5.2", "Cannot VRFY user, but will accept message and attempt delivery"));
    }
}
