package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/** HELO (RFC 5321 section 4.1.1.1): the old greeting, without extensions. */
final class HeloCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        String name = clientName(argument);
        if (name.isEmpty()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: HELO hostname"));
            return;
        }
        session.greeted(name, false);
        session.reply(SmtpReply.of(250, null, session.hostname()));
    }

    /**
     * The name a client gives: the first word of the argument. Not checked further: RFC 5321
     * forbids refusing a session for a wrong name, and many clients send their machine name.
     */
    static String clientName(String argument) {
        int space = argument.indexOf(' ');
        return space < 0 ? argument : argument.substring(0, space);
    }
}
