package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.dns.Dns;
import fr.preau.delivery.internal.outbound.DeliveryProperties.TlsMode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to the recipient domain's own mail servers (RFC 5321 section 5): its MX hosts,
 * lowest preference first (equal ones in random order), or the domain itself when it has no
 * MX; a null MX (RFC 7505) means the domain takes no mail, a permanent failure. Each address
 * of each host is tried in turn on {@code preau.delivery.mx-port} until one answers; the
 * first server that answers the transaction decides. STARTTLS is used whenever offered; the
 * certificate is only checked when {@code mx-verify-certificates} is on (then TLS is
 * required), and a failed handshake without verification is retried in plain text, as
 * Postfix does.
 */
final class DirectMxTransport implements RemoteTransport {

    /** Addresses tried per delivery at most, whatever the number of MX hosts. */
    static final int MAX_ADDRESSES = 10;

    private static final Logger log = LoggerFactory.getLogger(DirectMxTransport.class);

    private final SmtpClient client;
    private final Supplier<Dns> dns;
    private final int port;
    private final boolean verify;

    DirectMxTransport(SmtpClient client, Supplier<Dns> dns, int port, boolean verify) {
        this.client = client;
        this.dns = dns;
        this.port = port;
        this.verify = verify;
    }

    @Override
    public List<RecipientResult> deliver(RawMessage message, String sender, List<String> recipients, String domain) {
        List<Host> hosts;
        try {
            hosts = hosts(domain);
        } catch (Dns.TemporaryFailure e) {
            return all(recipients, RecipientResult.Outcome.TEMPORARY,
                    SmtpReply.local(451, "4.4.3", "DNS lookup for " + domain + " failed, will try again"), null);
        } catch (Refusal e) {
            return all(recipients, RecipientResult.Outcome.PERMANENT, e.reply, null);
        }
        SmtpReply last = SmtpReply.local(451, "4.4.4", "No mail server of " + domain + " could be reached");
        String lastHost = null;
        int tried = 0;
        for (Host host : hosts) {
            List<InetAddress> addresses;
            try {
                addresses = host.addresses();
            } catch (Dns.TemporaryFailure e) {
                last = SmtpReply.local(451, "4.4.3", "DNS lookup for " + host.name + " failed");
                continue;
            }
            if (addresses.isEmpty()) {
                last = SmtpReply.local(451, "4.4.4", "Mail server " + host.name + " has no address");
                continue;
            }
            for (InetAddress address : addresses) {
                if (tried++ >= MAX_ADDRESSES) {
                    return all(recipients, RecipientResult.Outcome.TEMPORARY, last, lastHost);
                }
                TlsMode tls = verify ? TlsMode.STARTTLS : TlsMode.STARTTLS_OPPORTUNISTIC;
                try {
                    return client.send(endpoint(address, host.name, tls), message, sender, recipients);
                } catch (SmtpClient.Unreachable e) {
                    last = e.reply();
                    lastHost = host.name;
                    log.debug("Delivery to {} through {} [{}]: {}", domain, host.name, address.getHostAddress(), last);
                    if (e.tlsFailed() && !verify) {
                        try {
                            return client.send(endpoint(address, host.name, TlsMode.NONE), message, sender, recipients);
                        } catch (SmtpClient.Unreachable plain) {
                            last = plain.reply();
                        }
                    }
                }
            }
        }
        return all(recipients, RecipientResult.Outcome.TEMPORARY, last, lastHost);
    }

    private SmtpClient.Endpoint endpoint(InetAddress address, String name, TlsMode tls) {
        return new SmtpClient.Endpoint(address.getHostAddress(), name, port, tls, verify, null, null);
    }

    /** The hosts to try, in order. */
    private List<Host> hosts(String domain) throws Refusal {
        Dns resolver = dns.get();
        if (resolver == null) {
            throw new Dns.TemporaryFailure("no DNS resolver configured", null);
        }
        if (domain.startsWith("[") && domain.endsWith("]")) {
            return List.of(literal(domain));
        }
        List<Dns.MxRecord> records = new ArrayList<>(resolver.mx(domain));
        boolean nullMx = records.removeIf(mx -> mx.host() == null || mx.host().isBlank() || mx.host().equals("."));
        if (records.isEmpty()) {
            if (nullMx) {
                throw new Refusal(SmtpReply.local(556, "5.1.10", "Domain " + domain + " does not accept mail (null MX)"));
            }
            List<InetAddress> implicit = resolver.addresses(domain);
            if (implicit.isEmpty()) {
                throw new Refusal(SmtpReply.local(550, "5.1.2", "Domain " + domain + " has no mail server (no MX, no address)"));
            }
            return List.of(new Host(domain, () -> implicit));
        }
        // RFC 5321 5.1: lowest preference first, equal preferences in random order
        Collections.shuffle(records);
        records.sort(Comparator.comparingInt(Dns.MxRecord::preference));
        List<Host> hosts = new ArrayList<>();
        for (Dns.MxRecord mx : records) {
            String name = stripDot(mx.host());
            hosts.add(new Host(name, () -> resolver.addresses(name)));
        }
        return hosts;
    }

    private static Host literal(String domain) throws Refusal {
        String inside = domain.substring(1, domain.length() - 1);
        if (inside.regionMatches(true, 0, "IPv6:", 0, 5)) {
            inside = inside.substring(5);
        }
        // only digits, dots, hex and colons: getByName then parses without any lookup
        if (inside.isEmpty() || !inside.matches("[0-9A-Fa-f.:]+")) {
            throw new Refusal(SmtpReply.local(553, "5.1.3", "Bad address literal " + domain));
        }
        try {
            InetAddress address = InetAddress.getByName(inside);
            return new Host(address.getHostAddress(), () -> List.of(address));
        } catch (java.net.UnknownHostException e) {
            throw new Refusal(SmtpReply.local(553, "5.1.3", "Bad address literal " + domain));
        }
    }

    private static String stripDot(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<RecipientResult> all(List<String> recipients, RecipientResult.Outcome outcome, SmtpReply reply,
                                             String remoteMta) {
        return recipients.stream().map(r -> new RecipientResult(r, outcome, reply, remoteMta)).toList();
    }

    private record Host(String name, Supplier<List<InetAddress>> lookup) {
        List<InetAddress> addresses() {
            return lookup.get();
        }
    }

    /** The domain cannot take mail, whatever we try. */
    private static final class Refusal extends Exception {
        private final transient SmtpReply reply;

        Refusal(SmtpReply reply) {
            super(reply.toString(), null, false, false);
            this.reply = reply;
        }
    }

    @Override
    public String toString() {
        return "direct MX delivery on port " + port;
    }
}
