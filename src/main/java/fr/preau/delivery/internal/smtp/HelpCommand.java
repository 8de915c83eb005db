package fr.preau.delivery.internal.smtp;

import java.io.IOException;
import java.util.List;

/** HELP (RFC 5321 section 4.1.1.8): the commands this server knows. */
final class HelpCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        session.reply(SmtpReply.of(214, "2.0.0", List.of(
                "Preau SMTP server, see RFC 5321",
                "Commands: " + Commands.HELP_VERBS,
                "End of HELP info")));
    }
}
