package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/** RSET (RFC 5321 section 4.1.1.5): abandons the transaction, keeps the greeting, TLS and AUTH. */
final class RsetCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        if (!argument.isEmpty()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: RSET"));
            return;
        }
        session.abandonTransaction();
        session.reply(SmtpReply.OK);
    }
}
