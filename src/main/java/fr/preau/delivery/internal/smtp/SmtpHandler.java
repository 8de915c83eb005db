package fr.preau.delivery.internal.smtp;

import java.util.Map;

/**
 * What a listener does with what the protocol layer has checked: one handler per listener
 * (MX, submission). The protocol layer does the syntax, the sequence, the limits, TLS and
 * the SASL exchange; the handler decides who may send what to whom and stores the message.
 *
 * <p>Methods are called on the session's own (virtual) thread and may block. Any exception
 * is answered {@code 451 4.3.0} (or {@code 421} for {@link #connect}), never a success. The
 * reply the handler returns is sent as it is (an enhanced code {@code X.0.0} is added when
 * missing); a 2xx to MAIL or RCPT accepts the sender or the recipient.
 */
public interface SmtpHandler {

    /**
     * A new connection. Return a 2xx ({@link SmtpReply#READY}) to greet the client; a 5xx
     * (e.g. {@code 554 5.7.1}) refuses the session, which then only answers QUIT; a 4xx
     * ({@code 421 4.7.0}) closes the connection at once.
     */
    default SmtpReply connect(SmtpSessionInfo session) {
        return SmtpReply.READY;
    }

    /**
     * AUTH PLAIN or LOGIN, only over TLS and on listeners that offer AUTH. The password is
     * never logged by the protocol layer; do not log it either.
     */
    default AuthResult authenticate(SmtpSessionInfo session, String user, String password) {
        return AuthResult.failure();
    }

    /**
     * MAIL FROM, once its syntax, size and parameters are checked.
     *
     * @param reversePath the address, {@code ""} for {@code <>}
     * @param parameters  parameter names upper case, values as given ({@code null} for a bare keyword)
     */
    SmtpReply mailFrom(SmtpSessionInfo session, String reversePath, Map<String, String> parameters);

    /**
     * RCPT TO, once its syntax and the recipient limit are checked.
     *
     * @param transaction the envelope so far (sender, recipients already accepted)
     * @param forwardPath the address; the special {@code Postmaster} (without domain) as given
     */
    SmtpReply rcptTo(SmtpSessionInfo session, Envelope transaction, String forwardPath, Map<String, String> parameters);

    /**
     * The message of a transaction, after the final ".", within the size and hop limits, with
     * the server's {@code Received:} header first. Return 250 only once the message is durably
     * stored or queued; the spooled copy is deleted when this method returns.
     */
    SmtpReply data(SmtpSessionInfo session, Envelope envelope, SpooledMessage message);

    /** A transaction was abandoned (RSET, a new EHLO, STARTTLS, the connection lost) before its end. */
    default void reset(SmtpSessionInfo session) {}

    /** The session ended, whatever the reason. */
    default void close(SmtpSessionInfo session) {}
}
