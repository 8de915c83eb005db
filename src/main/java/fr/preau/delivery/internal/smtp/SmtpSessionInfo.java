package fr.preau.delivery.internal.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What a handler may know of an SMTP session. A live view: values change as the session goes
 * (EHLO, STARTTLS, AUTH); STARTTLS forgets the HELO name and the authentication.
 */
public interface SmtpSessionInfo {

    /** Random identifier of the session, also in the log line and the {@code Received:} header. */
    String id();

    ListenerKind listener();

    InetSocketAddress remoteAddress();

    default InetAddress remoteIp() {
        return remoteAddress().getAddress();
    }

    /** The client's reverse DNS name, when the listener has a resolver and the address has one. */
    Optional<String> remoteHostName();

    /** The argument of the last HELO or EHLO. */
    Optional<String> heloName();

    /** Whether the client greeted with EHLO (rather than HELO). */
    boolean extended();

    /** The TLS protocol and cipher suite, when the connection is encrypted. */
    Optional<Tls> tls();

    default boolean secure() {
        return tls().isPresent();
    }

    /** The user name {@link SmtpHandler#authenticate} accepted, if any. */
    Optional<String> authenticatedUser();

    /** The TLS protocol version ({@code TLSv1.3}) and cipher suite of an encrypted session. */
    record Tls(String protocol, String cipherSuite) {}
}
