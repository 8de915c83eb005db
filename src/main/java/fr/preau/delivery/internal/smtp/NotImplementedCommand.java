package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/** Commands SMTP defines that this server does not offer (EXPN, BDAT, ETRN, TURN, ...). */
final class NotImplementedCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        session.reply(SmtpReply.of(502, "5.5.1", "Command not implemented"));
    }
}
