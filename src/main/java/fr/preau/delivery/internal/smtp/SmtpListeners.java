package fr.preau.delivery.internal.smtp;

import fr.preau.platform.HostNames;
import fr.preau.platform.PreauProperties;
import fr.preau.platform.TlsMaterial;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the three SMTP listeners from {@link SmtpProperties} and the TLS material; the caller
 * gives the handlers (what to do with mail) and starts and stops the servers.
 *
 * <ul>
 * <li><b>mx</b> ({@code mx-port}): mail from other servers; STARTTLS offered, not required; AUTH
 *     only with {@code mx-auth}.</li>
 * <li><b>submission</b> ({@code submission-port}, RFC 6409): agents' clients; STARTTLS then AUTH
 *     required before MAIL.</li>
 * <li><b>submissions</b> ({@code submissions-port}, RFC 8314): the same over implicit TLS.</li>
 * </ul>
 * Messages are spooled under {@code <data directory>/spool}.
 */
@Component
public class SmtpListeners {

    private final SmtpProperties properties;
    private final TlsMaterial tls;
    private final Path spoolDirectory;
    private final Clock clock;
    private volatile String hostname;

    @Autowired
    SmtpListeners(SmtpProperties properties, TlsMaterial tls, PreauProperties preau, Clock clock) {
        this(properties, tls, preau.dataDir().resolve("spool"), clock);
    }

    SmtpListeners(SmtpProperties properties, TlsMaterial tls, Path spoolDirectory, Clock clock) {
        this.properties = properties;
        this.tls = tls;
        this.spoolDirectory = spoolDirectory;
        this.clock = clock;
    }

    /** The servers to start: none when {@code preau.smtp.enabled} is false, and none whose port is negative. */
    public List<SmtpServer> enabled(SmtpHandler mx, SmtpHandler submission, ReverseDns reverseDns) {
        List<SmtpServer> servers = new ArrayList<>();
        if (!properties.enabled()) {
            return servers;
        }
        if (properties.mxPort() >= 0) {
            servers.add(mx(mx, reverseDns));
        }
        if (properties.submissionPort() >= 0) {
            servers.add(submission(submission, reverseDns));
        }
        if (properties.submissionsPort() >= 0) {
            servers.add(submissions(submission, reverseDns));
        }
        return servers;
    }

    public SmtpServer mx(SmtpHandler handler, ReverseDns reverseDns) {
        return new SmtpServer(mxConfig(reverseDns), handler, tls);
    }

    public SmtpServer submission(SmtpHandler handler, ReverseDns reverseDns) {
        return new SmtpServer(submissionConfig(reverseDns), handler, tls);
    }

    public SmtpServer submissions(SmtpHandler handler, ReverseDns reverseDns) {
        return new SmtpServer(submissionsConfig(reverseDns), handler, tls);
    }

    public SmtpListenerConfig mxConfig(ReverseDns reverseDns) {
        return common("mx", ListenerKind.MX, properties.mxPort(), reverseDns)
                .tlsMode(TlsMode.STARTTLS)
                .authEnabled(properties.mxAuth())
                .build();
    }

    public SmtpListenerConfig submissionConfig(ReverseDns reverseDns) {
        return common("submission", ListenerKind.SUBMISSION, properties.submissionPort(), reverseDns)
                .tlsMode(TlsMode.STARTTLS_REQUIRED)
                .authEnabled(true)
                .authRequired(true)
                .build();
    }

    public SmtpListenerConfig submissionsConfig(ReverseDns reverseDns) {
        return common("submissions", ListenerKind.SUBMISSION, properties.submissionsPort(), reverseDns)
                .tlsMode(TlsMode.IMPLICIT)
                .authEnabled(true)
                .authRequired(true)
                .build();
    }

    /** The name the listeners give themselves. */
    public String hostname() {
        String name = hostname;
        if (name == null) {
            name = HostNames.orThisMachine(properties.hostname());
            hostname = name;
        }
        return name;
    }

    private SmtpListenerConfig.Builder common(String name, ListenerKind kind, int port, ReverseDns reverseDns) {
        return SmtpListenerConfig.builder(name, kind)
                .bindAddress(bindAddress())
                .port(Math.max(0, port))
                .hostname(hostname())
                .maxMessageSize(properties.maxMessageSize().toBytes())
                .maxRecipients(properties.maxRecipients())
                .commandTimeout(properties.commandTimeout())
                .dataTimeout(properties.dataTimeout())
                .maxConnections(properties.maxConnections())
                .maxConnectionsPerIp(properties.maxConnectionsPerIp())
                .maxErrors(properties.maxErrors())
                .maxReceivedHeaders(properties.maxReceivedHeaders())
                .shutdownGrace(properties.shutdownGrace())
                .spoolDirectory(spoolDirectory)
                .reverseDns(reverseDns == null ? ReverseDns.none() : reverseDns)
                .clock(clock);
    }

    private InetAddress bindAddress() {
        if (properties.bindAddress().isEmpty()) {
            return null;
        }
        try {
            return InetAddress.getByName(properties.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("preau.smtp.bind-address: unknown address " + properties.bindAddress(), e);
        }
    }
}
