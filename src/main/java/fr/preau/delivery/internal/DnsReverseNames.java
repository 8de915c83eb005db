package fr.preau.delivery.internal;

import fr.preau.delivery.internal.dns.Dns;
import fr.preau.delivery.internal.smtp.ReverseDns;
import java.net.InetAddress;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Client names for the Received: header: the reverse name of the address, kept only if it resolves back to it. */
@Component
class DnsReverseNames implements ReverseDns {

    private final Dns dns;

    DnsReverseNames(Dns dns) {
        this.dns = dns;
    }

    @Override
    public Optional<String> nameOf(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("localhost");
        }
        try {
            for (String name : dns.reverse(address)) {
                if (dns.addresses(name).contains(address)) {
                    return Optional.of(name);
                }
            }
        } catch (RuntimeException unavailable) {
            // no name: the address alone goes into the header
        }
        return Optional.empty();
    }
}
