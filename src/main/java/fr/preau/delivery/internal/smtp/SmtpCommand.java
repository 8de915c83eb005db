package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/** One SMTP command: checks its argument and the session's state, replies, changes the state. */
interface SmtpCommand {

    /**
     * @param argument what follows the verb and one space, stripped; {@code ""} when none
     */
    void execute(SmtpSession session, String argument) throws IOException;
}
