package fr.preau.delivery;

import java.util.List;
import java.util.Optional;

/** The SMTP listeners this server runs, with the ports they are bound to (port 0 in the configuration: a free one). */
public interface SmtpEndpoints {

    /** A running listener: {@code mx}, {@code submission} or {@code submissions}, its port and TLS mode. */
    record Endpoint(String name, int port, String tls) {}

    List<Endpoint> endpoints();

    default Optional<Endpoint> endpoint(String name) {
        return endpoints().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The name the listeners give themselves (greeting, Received: headers). */
    String hostname();
}
