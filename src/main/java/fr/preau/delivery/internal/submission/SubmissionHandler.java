package fr.preau.delivery.internal.submission;

import fr.preau.delivery.internal.inbound.Recipient;
import fr.preau.delivery.internal.smtp.AuthResult;
import fr.preau.delivery.internal.smtp.Envelope;
import fr.preau.delivery.internal.smtp.SmtpHandler;
import fr.preau.delivery.internal.smtp.SmtpReply;
import fr.preau.delivery.internal.smtp.SmtpSessionInfo;
import fr.preau.delivery.internal.smtp.SpooledMessage;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.identity.Authentication;
import fr.preau.identity.LoginResult;
import fr.preau.platform.BlobStore;
import fr.preau.platform.web.ClientInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Submission (ports 5587 and 5465): agents' mail clients. The protocol layer has required TLS
 * and AUTH; here the agent's password is checked like the web login's (same lock, same
 * audit), the envelope sender and every From/Sender address must be the agent's own address,
 * the sending limits hold, and the message goes at once into the local recipients' INBOX and
 * the outbound queue for the others — both in one transaction, before the {@code 250}
 * ({@link Submitter}, shared with the web mail's {@link WebSubmission}).
 */
@Component
public class SubmissionHandler implements SmtpHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmissionHandler.class);

    private final Authentication authentication;
    private final Accounts accounts;
    private final Submitter submitter;

    public SubmissionHandler(Authentication authentication, Accounts accounts, Submitter submitter) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.submitter = submitter;
    }

    @Override
    public AuthResult authenticate(SmtpSessionInfo session, String user, String password) {
        Authentication.ProtocolLogin login = authentication.authenticateProtocol(user, password, "smtp",
                new ClientInfo(session.remoteIp().getHostAddress(), "SMTP"));
        if (login.succeeded()) {
            return AuthResult.success(login.account().login());
        }
        return login.refusal() instanceof LoginResult.Maintenance ? AuthResult.temporaryFailure() : AuthResult.failure();
    }

    @Override
    public SmtpReply mailFrom(SmtpSessionInfo session, String reversePath, Map<String, String> parameters) {
        Optional<Account> account = agent(session);
        if (account.isEmpty()) {
            return SmtpReply.of(530, "5.7.0", "Authentication required");
        }
        if (!reversePath.equalsIgnoreCase(account.get().email())) {
            return SmtpReply.of(553, "5.7.1", "Sender address must be your own address: " + account.get().email());
        }
        if (!submitter.mayStartMessage(account.get().id())) {
            return SmtpReply.of(450, "4.7.1", "Sending limit reached for this hour, try again later");
        }
        return SmtpReply.of(250, "2.1.0", "Sender ok");
    }

    @Override
    public SmtpReply rcptTo(SmtpSessionInfo session, Envelope transaction, String forwardPath, Map<String, String> parameters) {
        Optional<Account> account = agent(session);
        if (account.isEmpty()) {
            return SmtpReply.of(530, "5.7.0", "Authentication required");
        }
        if (!submitter.mayAddRecipients(account.get().id(), transaction.recipients().size() + 1)) {
            return SmtpReply.of(450, "4.7.1", "Daily recipient limit reached, try again later");
        }
        return switch (submitter.resolve(forwardPath)) {
            case Recipient.Unknown unknown -> SmtpReply.of(550, "5.1.1", "No such user here: " + unknown.address());
            case Recipient.Disabled disabled -> SmtpReply.of(550, "5.2.1", "Mailbox disabled: " + disabled.address());
            case Recipient.Local local -> SmtpReply.of(250, "2.1.5", "Recipient ok");
            case Recipient.Remote remote -> SmtpReply.of(250, "2.1.5", "Recipient ok (remote)");
        };
    }

    @Override
    public SmtpReply data(SmtpSessionInfo session, Envelope envelope, SpooledMessage message) {
        Optional<Account> found = agent(session);
        if (found.isEmpty()) {
            return SmtpReply.of(530, "5.7.0", "Authentication required");
        }
        Account account = found.get();
        try {
            List<String> senders;
            try (InputStream in = message.open()) {
                senders = HeaderSenders.of(in);
            }
            if (senders.isEmpty() || senders.stream().anyMatch(s -> !s.equalsIgnoreCase(account.email()))) {
                return SmtpReply.of(550, "5.7.1", "The From header must be your own address: " + account.email());
            }
            Submitter.Routes routes = submitter.route(envelope.recipients());
            BlobStore.Blob blob;
            try (InputStream in = message.open()) {
                blob = submitter.store(in);
            }
            submitter.submit(account, envelope.recipients().size(), routes, blob);
            log.info("SMTP {}: {} sent a message to {} local and {} remote recipient(s)", session.id(), account.login(),
                    routes.local().size(), routes.remote().size());
            return SmtpReply.of(250, "2.0.0", "Ok: queued as " + envelope.id());
        } catch (IOException | java.io.UncheckedIOException | org.springframework.dao.DataAccessException
                 | org.springframework.transaction.TransactionException e) {
            // the disk or the database cannot take it now: the client keeps the message and tries again
            log.warn("SMTP {}: message not stored ({})", session.id(), e.toString());
            return SmtpReply.of(451, "4.3.0", "Temporary failure storing the message, try again later");
        }
    }

    private Optional<Account> agent(SmtpSessionInfo session) {
        return session.authenticatedUser().flatMap(accounts::byLogin);
    }
}
