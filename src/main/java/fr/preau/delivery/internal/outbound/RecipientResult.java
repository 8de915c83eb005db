package fr.preau.delivery.internal.outbound;

/**
 * What one delivery attempt did for one recipient: delivered, failed for now (to try again) or
 * failed for good; with the reply that says so and the host that gave it (null when no server
 * answered, e.g. no MX or connection refused).
 */
record RecipientResult(String recipient, Outcome outcome, SmtpReply reply, String remoteMta) {

    enum Outcome { DELIVERED, TEMPORARY, PERMANENT }

    /** The outcome an SMTP reply code means: 2xx delivered, 5xx permanent, anything else temporary. */
    static RecipientResult of(String recipient, SmtpReply reply, String remoteMta) {
        Outcome outcome = reply.success() ? Outcome.DELIVERED : reply.permanent() ? Outcome.PERMANENT : Outcome.TEMPORARY;
        return new RecipientResult(recipient, outcome, reply, remoteMta);
    }
}
