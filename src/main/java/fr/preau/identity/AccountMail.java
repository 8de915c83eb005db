package fr.preau.identity;

/**
 * The port through which identity mails an agent (a recovery code, a reset link, a notice that a
 * security setting changed): implemented by the delivery module, into the agent's INBOX when the
 * address is local (even over quota), else through the outbound queue; durable when it returns.
 * Identity defines it so that it never depends on delivery (as mail's OutgoingMail, ADR 0019).
 */
public interface AccountMail {

    /**
     * Sends a system message about {@code account} (from the no-reply address of its domain) to
     * {@code recipient}: the subject and the plain text body as given (callers write French then
     * English).
     */
    void send(Account account, String recipient, String subject, String text);
}
