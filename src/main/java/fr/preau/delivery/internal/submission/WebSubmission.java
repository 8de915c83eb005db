package fr.preau.delivery.internal.submission;

import fr.preau.delivery.internal.inbound.Recipient;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.OutgoingMail;
import fr.preau.mail.SubmissionRefusedException;
import fr.preau.platform.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The web mail's way out ({@link OutgoingMail}), with the rules of SMTP submission: the envelope
 * sender and every From/Sender address are the account's own address, the sending limits hold,
 * every local recipient exists and may receive mail — else nothing is sent and the refusal
 * names the reason (a {@code compose.error.*} key) — then {@link Submitter} delivers and queues
 * in one transaction, durable when this returns.
 */
@Component
class WebSubmission implements OutgoingMail {

    private static final Logger log = LoggerFactory.getLogger(WebSubmission.class);

    private final Accounts accounts;
    private final Submitter submitter;
    private final BlobStore blobs;

    WebSubmission(Accounts accounts, Submitter submitter, BlobStore blobs) {
        this.accounts = accounts;
        this.submitter = submitter;
        this.blobs = blobs;
    }

    @Override
    public void submit(long accountId, String envelopeFrom, List<String> recipients, BlobStore.Blob blob) {
        Account account = accounts.byId(accountId)
                .orElseThrow(() -> new SubmissionRefusedException("compose.error.sender-not-own", null));
        if (envelopeFrom == null || !envelopeFrom.equalsIgnoreCase(account.email()) || !headerSendersAreOwn(account, blob)) {
            throw new SubmissionRefusedException("compose.error.sender-not-own", null);
        }
        if (recipients.isEmpty()) {
            throw new SubmissionRefusedException("compose.error.no-recipient", null);
        }
        if (!submitter.mayStartMessage(accountId)) {
            throw new SubmissionRefusedException("compose.error.limit-messages", null);
        }
        if (!submitter.mayAddRecipients(accountId, recipients.size())) {
            throw new SubmissionRefusedException("compose.error.limit-recipients", null);
        }
        List<String> addresses = new ArrayList<>(recipients.size());
        for (String rcpt : recipients) {
            switch (submitter.resolve(rcpt)) {
                case Recipient.Unknown u -> throw new SubmissionRefusedException("compose.error.unknown-recipient", rcpt, rcpt);
                case Recipient.Disabled d -> throw new SubmissionRefusedException("compose.error.disabled-recipient", rcpt, rcpt);
                case Recipient.Local l -> addresses.add(rcpt);
                case Recipient.Remote r -> addresses.add(rcpt);
            }
        }
        try {
            submitter.submit(account, addresses.size(), submitter.route(addresses), blob);
        } catch (UncheckedIOException | org.springframework.dao.DataAccessException
                 | org.springframework.transaction.TransactionException e) {
            // the transaction did not commit: nothing was sent
            log.warn("Web mail of account {} not sent ({})", accountId, e.toString());
            throw new SubmissionRefusedException("compose.error.temporary-failure", null);
        }
        log.info("Web mail: account {} sent a message to {} recipient(s)", accountId, addresses.size());
    }

    private boolean headerSendersAreOwn(Account account, BlobStore.Blob blob) {
        try (InputStream in = blobs.open(blob.hash())) {
            List<String> senders = HeaderSenders.of(in);
            return !senders.isEmpty() && senders.stream().allMatch(s -> s.equalsIgnoreCase(account.email()));
        } catch (IOException e) {
            throw new UncheckedIOException("the message to send cannot be read", e);
        }
    }
}
