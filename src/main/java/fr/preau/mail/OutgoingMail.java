package fr.preau.mail;

import fr.preau.platform.BlobStore;
import java.util.List;

/**
 * The port through which the web mail sends: implemented by the delivery module with the rules
 * of SMTP submission (own address only, known local recipients, sending limits), local
 * recipients' INBOX and the outbound queue in one transaction, durable when it returns. The mail
 * module defines it so that it never depends on delivery (see ADR 0019).
 */
public interface OutgoingMail {

    /**
     * Sends the stored message {@code blob} from the account to every address of
     * {@code recipients} (plain {@code local@domain}), all or nothing.
     *
     * @throws SubmissionRefusedException when the message may not be sent (nothing was sent)
     */
    void submit(long accountId, String envelopeFrom, List<String> recipients, BlobStore.Blob blob);
}
