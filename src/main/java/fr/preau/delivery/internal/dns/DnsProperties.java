package fr.preau.delivery.internal.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mail's DNS lookups go ({@code preau.dns.*}): {@code mode=system} (the default) asks
 * the resolvers of {@code /etc/resolv.conf}, or {@code servers} when given (e.g.
 * {@code 127.0.0.1:53} for a local unbound), each query waiting at most {@code timeout};
 * {@code mode=static} answers from the zone file {@code zone-file}
 * ({@code PREAU_DNS_ZONE_FILE}, format in {@link StaticDns}) for the demo and air-gapped
 * installations.
 */
@ConfigurationProperties("preau.dns")
public record DnsProperties(
        @DefaultValue("system") Mode mode,
        String zoneFile,
        @DefaultValue("5s") Duration timeout,
        List<String> servers) {

    public enum Mode { SYSTEM, STATIC }

    public DnsProperties {
        servers = servers == null ? List.of() : List.copyOf(servers);
        zoneFile = zoneFile == null || zoneFile.isBlank() ? null : zoneFile.trim();
    }

    /** The configured resolvers as socket addresses ({@code host}, {@code host:port}, {@code [v6]:port}). */
    public List<InetSocketAddress> serverAddresses() {
        return servers.stream().map(DnsProperties::address).toList();
    }

    static InetSocketAddress address(String server) {
        String s = server.trim();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Bad DNS server address: " + server);
            }
            host = s.substring(1, close);
            if (s.length() > close + 1) {
                port = port(s.substring(close + 1), server);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':')), server);
        }
        return new InetSocketAddress(StaticDns.Builder.literal(host), port);
    }

    private static int port(String colonPort, String server) {
        if (!colonPort.matches(":\\d{1,5}")) {
            throw new IllegalArgumentException("Bad DNS server address: " + server);
        }
        return Integer.parseInt(colonPort.substring(1));
    }
}
