package fr.preau.identity;

/**
 * Sends a text message to a mobile number (E.164, e.g. +33612345678). The default keeps
 * messages in an outbox that administrators read ({@code preau admin sms outbox}); an operator is
 * reached by the generic HTTP gateway ({@code preau.sms.mode=http}, ADR 0024).
 */
public interface SmsGateway {

    /**
     * Sends {@code text} to {@code mobile} about {@code accountId} (null when none); returns once the
     * operator (or the outbox) accepted it.
     *
     * @throws SmsFailedException when it was not accepted
     */
    void send(Long accountId, String mobile, String text);

    /** The operator refused the message or could not be reached. */
    class SmsFailedException extends RuntimeException {
        public SmsFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
