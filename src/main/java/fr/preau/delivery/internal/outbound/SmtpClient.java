package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.outbound.DeliveryProperties.TlsMode;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP transaction with one server, through Angus Mail's {@link SMTPTransport}: connect
 * (with implicit TLS, or STARTTLS required or when offered), EHLO with our host name, AUTH
 * when credentials are given, then MAIL, one RCPT per recipient ({@code sendpartial}: a
 * refused recipient does not stop the others), DATA with the stored bytes unchanged. Reads
 * each recipient's reply: 2xx delivered, 4xx temporary, 5xx permanent.
 *
 * <p>When no transaction could be started (connection refused, timeout, bad greeting, TLS or
 * AUTH failure) it throws {@link Unreachable}, so that the caller may try another host.
 * Credentials are never logged: Angus's debug output stays off.
 */
final class SmtpClient {

    /**
     * Where to connect: {@code address} (an IP address or a host name the system resolves),
     * {@code name} the server's name (for TLS, and as Remote-MTA in notices).
     */
    record Endpoint(String address, String name, int port, TlsMode tls, boolean verify, String user, String password) {
        @Override
        public String toString() {
            return name + (name.equals(address) ? "" : "[" + address + "]") + ":" + port;
        }
    }

    /** No SMTP transaction could be started with this server; {@code tlsFailed}: the TLS handshake failed. */
    static final class Unreachable extends Exception {
        private final transient SmtpReply reply;
        private final boolean tlsFailed;

        Unreachable(SmtpReply reply, boolean tlsFailed, Throwable cause) {
            super(reply.toString(), cause);
            this.reply = reply;
            this.tlsFailed = tlsFailed;
        }

        SmtpReply reply() {
            return reply;
        }

        boolean tlsFailed() {
            return tlsFailed;
        }
    }

    /** Angus's property prefix (kept apart so that no literal looks like a message key). */
    private static final String SMTP = "mail.smtp.";

    private final String hostname;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final ScheduledExecutorService writeTimeouts;

    SmtpClient(String hostname, Duration connectTimeout, Duration timeout, ScheduledExecutorService writeTimeouts) {
        this.hostname = hostname;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.writeTimeouts = writeTimeouts;
    }

    /** Sends {@code message} to {@code recipients} through {@code endpoint}; one result per recipient, in order. */
    List<RecipientResult> send(Endpoint endpoint, RawMessage message, String sender, List<String> recipients)
            throws Unreachable {
        Session session = Session.getInstance(properties(endpoint, sender));
        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new IllegalStateException("Angus Mail's SMTP transport is missing", e);
        }
        try {
            connect(transport, endpoint);
            return transaction(transport, session, endpoint, message, recipients);
        } finally {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // QUIT failed: the connection goes anyway
            }
        }
    }

    private void connect(SMTPTransport transport, Endpoint endpoint) throws Unreachable {
        try {
            transport.connect(endpoint.address(), endpoint.port(), endpoint.user(), endpoint.password());
        } catch (AuthenticationFailedException e) {
            throw new Unreachable(SmtpReply.local(454, "4.7.0",
                    "Authentication to " + endpoint.name() + " failed: " + serverSaid(transport, e)), false, e);
        } catch (MessagingException | RuntimeException e) {
            boolean tls = causedBy(e, SSLException.class);
            String what = tls ? "TLS with " + endpoint.name() + " failed" : "Connection to " + endpoint.name() + " failed";
            throw new Unreachable(SmtpReply.local(451, tls ? "4.7.0" : "4.4.1", what + ": " + rootMessage(e)), tls, e);
        }
    }

    private List<RecipientResult> transaction(SMTPTransport transport, Session session, Endpoint endpoint,
                                              RawMessage message, List<String> recipients) {
        Address[] addresses = new Address[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            InternetAddress address = new InternetAddress();
            address.setAddress(recipients.get(i));
            addresses[i] = address;
        }
        String mta = endpoint.name();
        List<RecipientResult> results = new ArrayList<>(recipients.size());
        try {
            transport.sendMessage(new RawMimeMessage(session, message), addresses);
            SmtpReply reply = SmtpReply.parse(transport.getLastReturnCode(), transport.getLastServerResponse());
            for (String recipient : recipients) {
                results.add(RecipientResult.of(recipient, reply, mta));
            }
        } catch (SendFailedException e) {
            Map<String, SmtpReply> refused = new HashMap<>();
            for (Exception next = e; next != null;
                 next = next instanceof MessagingException m ? m.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException failed) {
                    refused.put(key(failed.getAddress().getAddress()),
                            SmtpReply.parse(failed.getReturnCode(), failed.getMessage()));
                }
            }
            Set<String> sent = new HashSet<>();
            if (e.getValidSentAddresses() != null) {
                for (Address a : e.getValidSentAddresses()) {
                    sent.add(key(((InternetAddress) a).getAddress()));
                }
            }
            SmtpReply transactionReply = e instanceof SMTPSendFailedException failed
                    ? SmtpReply.parse(failed.getReturnCode(), failed.getMessage()) : null;
            for (String recipient : recipients) {
                SmtpReply reply = refused.get(key(recipient));
                if (reply == null && transactionReply != null && (sent.contains(key(recipient)) || !transactionReply.success())) {
                    reply = transactionReply;
                }
                if (reply == null) {
                    reply = SmtpReply.local(451, "4.4.2", "Not sent to " + mta + ": " + rootMessage(e));
                }
                results.add(RecipientResult.of(recipient, reply, mta));
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection broke or timed out during the transaction: nobody took the message for sure
            SmtpReply reply = SmtpReply.local(451, "4.4.2", "Connection to " + mta + " lost: " + rootMessage(e));
            for (String recipient : recipients) {
                results.add(new RecipientResult(recipient, RecipientResult.Outcome.TEMPORARY, reply, mta));
            }
        }
        return results;
    }

    private Properties properties(Endpoint endpoint, String sender) {
        Properties p = new Properties();
        p.setProperty(SMTP + "localhost", hostname);
        p.setProperty(SMTP + "from", sender == null ? "<>" : sender);
        p.setProperty(SMTP + "sendpartial", "true");
        p.setProperty(SMTP + "quitwait", "false");
        p.setProperty(SMTP + "connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        p.setProperty(SMTP + "timeout", String.valueOf(timeout.toMillis()));
        if (writeTimeouts != null) {
            p.setProperty(SMTP + "writetimeout", String.valueOf(timeout.toMillis()));
            p.put(SMTP + "executor.writetimeout", writeTimeouts);
        }
        boolean authenticate = endpoint.user() != null && endpoint.password() != null;
        p.setProperty(SMTP + "auth", String.valueOf(authenticate));
        TlsMode tls = endpoint.tls();
        p.setProperty(SMTP + "ssl.enable", String.valueOf(tls == TlsMode.IMPLICIT));
        p.setProperty(SMTP + "starttls.enable", String.valueOf(tls == TlsMode.STARTTLS || tls == TlsMode.STARTTLS_OPPORTUNISTIC));
        p.setProperty(SMTP + "starttls.required", String.valueOf(tls == TlsMode.STARTTLS));
        if (tls != TlsMode.NONE) {
            p.put(SMTP + "ssl.socketFactory", TlsSockets.factory(endpoint.verify(), endpoint.name()));
            p.setProperty(SMTP + "ssl.checkserveridentity", String.valueOf(endpoint.verify()));
        }
        return p;
    }

    private static String key(String address) {
        return address == null ? "" : address.toLowerCase(Locale.ROOT);
    }

    private static String serverSaid(SMTPTransport transport, Exception e) {
        String response = transport.getLastServerResponse();
        return response == null || response.isBlank() ? rootMessage(e) : response;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()
                    && causedBy(m.getNextException(), type)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
