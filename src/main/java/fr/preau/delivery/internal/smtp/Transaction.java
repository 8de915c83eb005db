package fr.preau.delivery.internal.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The mail transaction in progress: from MAIL to the end of DATA, or RSET. */
final class Transaction {

    private final String id;
    private final String reversePath;
    private final Map<String, String> parameters;
    private final List<String> recipients = new ArrayList<>();
    private int refusedRecipients;

    Transaction(String id, String reversePath, Map<String, String> parameters) {
        this.id = id;
        this.reversePath = reversePath;
        this.parameters = parameters;
    }

    Envelope envelope() {
        return new Envelope(id, reversePath, parameters, recipients);
    }

    int recipientCount() {
        return recipients.size();
    }

    void accept(String recipient) {
        if (!recipients.contains(recipient)) {
            recipients.add(recipient);
        }
    }

    void refuse() {
        refusedRecipients++;
    }

    /** Whether RCPT was tried and every recipient was refused. */
    boolean allRecipientsRefused() {
        return recipients.isEmpty() && refusedRecipients > 0;
    }
}
