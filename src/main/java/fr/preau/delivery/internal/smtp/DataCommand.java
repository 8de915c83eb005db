package fr.preau.delivery.internal.smtp;

import java.io.IOException;
import java.time.ZonedDateTime;

/**
 * DATA (RFC 5321 section 4.1.1.4): after {@code 354}, reads the message (see
 * {@link MessageReader}), then refuses it if it is too large ({@code 552 5.3.4}) or has
 * been through too many servers ({@code 554 5.4.6}, a mail loop), else hands it to the
 * handler with the {@code Received:} header first and sends the handler's answer: the
 * server never says 250 unless the handler did. The spooled copy is deleted afterwards.
 */
final class DataCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) throws IOException {
        Transaction transaction = session.transaction();
        if (transaction == null) {
            SmtpReply reply = SmtpReply.of(503, "5.5.1", "Need MAIL command");
            if (session.lastMailRefused()) {
                session.replyUncounted(reply);
            } else {
                session.reply(reply);
            }
            return;
        }
        if (transaction.recipientCount() == 0) {
            session.reply(transaction.allRecipientsRefused()
                    ? SmtpReply.of(554, "5.5.1", "No valid recipients")
                    : SmtpReply.of(503, "5.5.1", "Need RCPT command"));
            return;
        }
        if (!argument.isEmpty()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: DATA"));
            return;
        }
        session.replyNow(SmtpReply.of(354, null, "End data with <CR><LF>.<CR><LF>"));
        SmtpListenerConfig config = session.config();
        Envelope envelope = transaction.envelope();
        SmtpReply reply;
        try (MessageSpool spool = new MessageSpool(config.spoolDirectory(), config.spoolMemoryThreshold())) {
            MessageReader.Result result = session.receiveMessage(spool);
            session.endTransaction();
            reply = switch (result.outcome()) {
                case ABANDONED, TOO_BIG -> SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
                case COMPLETE -> result.receivedHeaders() > config.maxReceivedHeaders()
                        ? SmtpReply.of(554, "5.4.6", "Too many hops, mail loop suspected")
                        : deliver(session, envelope, spool);
            };
            if (result.outcome() == MessageReader.Outcome.ABANDONED) {
                session.replyNow(reply);
                session.endAfterReply("message far too large"); // the rest cannot be told from commands
                return;
            }
        }
        session.messageHandled(reply.positive());
        session.replyNow(reply);
    }

    private static SmtpReply deliver(SmtpSession session, Envelope envelope, MessageSpool spool) throws IOException {
        byte[] header = ReceivedHeader.build(session, session.hostname(), envelope,
                ZonedDateTime.now(session.config().clock()));
        SpooledMessage message = spool.finish(header);
        try {
            return session.ask("DATA", () -> session.handler().data(session, envelope, message));
        } finally {
            message.delete();
        }
    }
}
