package fr.preau.delivery.internal.smtp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one SMTP listener. Built with {@link #builder}; the defaults are those of
 * {@code application.yml}.
 *
 * @param name                 short name for threads and logs ({@code mx}, {@code submission}, ...)
 * @param kind                 what the listener is for
 * @param tlsMode              plain, STARTTLS (optional or required) or implicit TLS
 * @param authEnabled          whether AUTH is offered (always only over TLS)
 * @param authRequired         whether MAIL needs a successful AUTH first ({@code 530 5.7.0})
 * @param bindAddress          local address, {@code null} for all
 * @param port                 TCP port, 0 for any free one
 * @param hostname             the server's name in the greeting, EHLO and {@code Received:}
 * @param maxMessageSize       SIZE limit in bytes
 * @param maxRecipients        RCPT limit per transaction ({@code 452 4.5.3} beyond)
 * @param commandTimeout       how long a command may be waited for ({@code 421 4.4.2} after)
 * @param dataTimeout          how long each read in DATA may wait
 * @param maxConnections       concurrent sessions ({@code 421 4.7.0} beyond)
 * @param maxConnectionsPerIp  concurrent sessions from one address
 * @param maxErrors            protocol errors before {@code 421} and disconnection
 * @param maxReceivedHeaders   {@code Received:} fields a message may carry ({@code 554 5.4.6} beyond)
 * @param spoolDirectory       where messages larger than {@code spoolMemoryThreshold} are kept while handled
 * @param spoolMemoryThreshold bytes kept in memory before a message goes to a spool file
 * @param shutdownGrace        how long {@link SmtpServer#stop} lets transactions finish
 * @param reverseDns           names of client addresses
 * @param clock                for the date of {@code Received:}
 */
public record SmtpListenerConfig(
        String name, ListenerKind kind, TlsMode tlsMode, boolean authEnabled, boolean authRequired,
        InetAddress bindAddress, int port, String hostname,
        long maxMessageSize, int maxRecipients, Duration commandTimeout, Duration dataTimeout,
        int maxConnections, int maxConnectionsPerIp, int maxErrors, int maxReceivedHeaders,
        Path spoolDirectory, int spoolMemoryThreshold, Duration shutdownGrace,
        ReverseDns reverseDns, Clock clock) {

    public SmtpListenerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tlsMode, "tlsMode");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        Objects.requireNonNull(reverseDns, "reverseDns");
        Objects.requireNonNull(clock, "clock");
        if (authRequired && !authEnabled) {
            throw new IllegalArgumentException("a listener that requires AUTH must offer it");
        }
        if (port < 0 || port > 65535 || maxMessageSize < 1 || maxRecipients < 1 || maxConnections < 1
                || maxConnectionsPerIp < 1 || maxErrors < 1 || maxReceivedHeaders < 1 || spoolMemoryThreshold < 0) {
            throw new IllegalArgumentException("SMTP listener " + name + ": limits must be positive");
        }
    }

    /** Whether TLS can be started or is already there. */
    public boolean tlsAvailable() {
        return tlsMode != TlsMode.NONE;
    }

    public static Builder builder(String name, ListenerKind kind) {
        return new Builder(name, kind);
    }

    /** Builds a configuration from the defaults, changing what is set. */
    public static final class Builder {
        private final String name;
        private final ListenerKind kind;
        private TlsMode tlsMode = TlsMode.STARTTLS;
        private boolean authEnabled;
        private boolean authRequired;
        private InetAddress bindAddress;
        private int port;
        private String hostname = "localhost";
        private long maxMessageSize = 50L * 1024 * 1024;
        private int maxRecipients = 100;
        private Duration commandTimeout = Duration.ofMinutes(5);
        private Duration dataTimeout = Duration.ofMinutes(10);
        private int maxConnections = 200;
        private int maxConnectionsPerIp = 20;
        private int maxErrors = 10;
        private int maxReceivedHeaders = 50;
        private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private int spoolMemoryThreshold = 256 * 1024;
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private ReverseDns reverseDns = ReverseDns.none();
        private Clock clock = Clock.systemDefaultZone();

        private Builder(String name, ListenerKind kind) {
            this.name = name;
            this.kind = kind;
        }

        public Builder tlsMode(TlsMode value) { tlsMode = value; return this; }
        public Builder authEnabled(boolean value) { authEnabled = value; return this; }
        public Builder authRequired(boolean value) { authRequired = value; return this; }
        public Builder bindAddress(InetAddress value) { bindAddress = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder hostname(String value) { hostname = value; return this; }
        public Builder maxMessageSize(long value) { maxMessageSize = value; return this; }
        public Builder maxRecipients(int value) { maxRecipients = value; return this; }
        public Builder commandTimeout(Duration value) { commandTimeout = value; return this; }
        public Builder dataTimeout(Duration value) { dataTimeout = value; return this; }
        public Builder maxConnections(int value) { maxConnections = value; return this; }
        public Builder maxConnectionsPerIp(int value) { maxConnectionsPerIp = value; return this; }
        public Builder maxErrors(int value) { maxErrors = value; return this; }
        public Builder maxReceivedHeaders(int value) { maxReceivedHeaders = value; return this; }
        public Builder spoolDirectory(Path value) { spoolDirectory = value; return this; }
        public Builder spoolMemoryThreshold(int value) { spoolMemoryThreshold = value; return this; }
        public Builder shutdownGrace(Duration value) { shutdownGrace = value; return this; }
        public Builder reverseDns(ReverseDns value) { reverseDns = value; return this; }
        public Builder clock(Clock value) { clock = value; return this; }

        public SmtpListenerConfig build() {
            return new SmtpListenerConfig(name, kind, tlsMode, authEnabled, authRequired, bindAddress, port,
                    hostname, maxMessageSize, maxRecipients, commandTimeout, dataTimeout, maxConnections,
                    maxConnectionsPerIp, maxErrors, maxReceivedHeaders, spoolDirectory, spoolMemoryThreshold,
                    shutdownGrace, reverseDns, clock);
        }
    }
}
