package fr.preau.delivery.internal.smtp;

import java.net.InetAddress;
import java.util.Optional;

/** The name of a client's address, for the {@code Received:} header and the handler. */
@FunctionalInterface
public interface ReverseDns {

    /** The name of {@code address} (ideally forward-confirmed), or empty; may block, should not throw. */
    Optional<String> nameOf(InetAddress address);

    /** No lookups: clients are known by their address only. */
    static ReverseDns none() {
        return address -> Optional.empty();
    }
}
