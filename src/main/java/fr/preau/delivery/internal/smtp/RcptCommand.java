package fr.preau.delivery.internal.smtp;

import java.io.IOException;

/**
 * RCPT TO (RFC 5321 section 4.1.1.3): adds a recipient the handler accepts, up to the
 * listener's limit ({@code 452 4.5.3}, so that the client sends the rest in another
 * transaction). No parameters are offered (no DSN). {@code <Postmaster>} without a domain is
 * accepted as RFC 5321 requires and passed on as given.
 */
final class RcptCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        Transaction transaction = session.transaction();
        if (transaction == null) {
            SmtpReply reply = SmtpReply.of(503, "5.5.1", "Need MAIL command");
            if (session.lastMailRefused()) {
                session.replyUncounted(reply); // a pipelined RCPT after a refused MAIL
            } else {
                session.reply(reply);
            }
            return;
        }
        MailArguments parsed;
        try {
            parsed = MailArguments.parse(argument, "TO:", true);
        } catch (MailArguments.Invalid e) {
            transaction.refuse();
            session.reply(switch (e.problem()) {
                case SYNTAX -> SmtpReply.of(501, "5.5.4", "Syntax: RCPT TO:<address>");
                case ADDRESS -> SmtpReply.of(501, "5.1.3", "Bad recipient address syntax");
                case NON_ASCII -> SmtpReply.of(553, "5.6.7", "Non-ASCII addresses are not accepted here");
                case PARAMETER -> SmtpReply.of(501, "5.5.4", "Invalid parameter syntax");
            });
            return;
        }
        if (parsed.address().isEmpty()) {
            transaction.refuse();
            session.reply(SmtpReply.of(501, "5.1.3", "Bad recipient address syntax"));
            return;
        }
        if (!parsed.parameters().isEmpty()) {
            String name = parsed.parameters().keySet().iterator().next();
            session.reply(SmtpReply.of(555, "5.5.4", "Unsupported parameter " + name));
            return;
        }
        if (transaction.recipientCount() >= session.config().maxRecipients()) {
            session.recipientRefused();
            session.reply(SmtpReply.of(452, "4.5.3", "Too many recipients"));
            return;
        }
        SmtpReply reply = session.ask("RCPT", () -> session.handler()
                .rcptTo(session, transaction.envelope(), parsed.address(), parsed.parameters()));
        if (reply.positive()) {
            transaction.accept(parsed.address());
            session.recipientAccepted();
        } else {
            transaction.refuse();
            session.recipientRefused();
        }
        session.reply(reply);
    }
}
