package fr.preau.delivery.internal.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * The DNS lookups mail needs: MX hosts for direct delivery, TXT records for SPF, DKIM and
 * DMARC, addresses and reverse names. The Internet's DNS cannot be reached from tests, so
 * there are two implementations: one on the system's resolvers (dnsjava) and one answering
 * from a local zone (tests, the demo, air-gapped installations).
 *
 * <p>A name that does not exist gives an empty list; a resolver that cannot answer (timeout,
 * SERVFAIL) throws {@link TemporaryFailure}, so that callers can tell "no record" (a
 * permanent answer) from "try again later".
 */
public interface Dns {

    /** MX records of a domain, lowest preference first. */
    List<MxRecord> mx(String domain);

    /** TXT records of a name, each one's strings joined. */
    List<String> txt(String name);

    /** A and AAAA records of a host. */
    List<InetAddress> addresses(String host);

    /** PTR names of an address (without the trailing dot). */
    List<String> reverse(InetAddress address);

    record MxRecord(int preference, String host) {}

    /** The resolver could not give an answer now; the lookup may succeed later. */
    final class TemporaryFailure extends RuntimeException {
        public TemporaryFailure(String message, Throwable cause) {
            super(message, cause);
        }

        public TemporaryFailure(String message) {
            super(message);
        }
    }
}
