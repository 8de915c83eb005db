package fr.preau.delivery.internal.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * EHLO (RFC 5321 section 4.1.1.1): starts over, and lists the extensions offered now. SIZE,
 * 8BITMIME, PIPELINING and ENHANCEDSTATUSCODES always; STARTTLS until TLS is on; AUTH only
 * over TLS on listeners that have it. Not offered: CHUNKING (BDAT), SMTPUTF8, DSN.
 * No enhanced status code on the success reply (RFC 2034 section 3).
 */
final class EhloCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws java.io.IOException {
        String name = HeloCommand.clientName(argument);
        if (name.isEmpty()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: EHLO hostname"));
            return;
        }
        session.greeted(name, true);
        List<String> lines = new ArrayList<>();
        lines.add(session.hostname());
        lines.add("PIPELINING");
        lines.add("SIZE " + session.config().maxMessageSize());
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        if (session.canStartTls()) {
            lines.add("STARTTLS");
        }
        if (session.authOffered()) {
            lines.add("AUTH PLAIN LOGIN");
        }
        session.reply(SmtpReply.of(250, null, lines));
    }
}
