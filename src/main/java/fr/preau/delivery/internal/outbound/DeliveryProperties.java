package fr.preau.delivery.internal.outbound;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of remote delivery, bound from {@code preau.delivery.*} (application.yml, PREAU_*
 * variables): our host name (EHLO, notices), the smarthost or direct MX delivery, TLS, and the
 * retry schedule.
 *
 * @param hostname          name given in EHLO and in notices ({@code MAILER-DAEMON@hostname});
 *                          blank: the machine's name
 * @param smarthost         relay through this host; blank host: deliver to each domain's MX
 * @param mxPort            port of remote MX hosts (25; tests point it at a local sink)
 * @param mxVerifyCertificates whether STARTTLS to an MX must present a valid certificate for its
 *                          name (off: encrypt opportunistically, like most MTAs)
 * @param retryWindow       how long a message is retried before it is returned as failed
 * @param delayWarning      after how long an undelivered message earns its sender one warning
 * @param firstRetry        the first retry delay; it doubles while below half of {@code maxRetryInterval}
 * @param maxRetryInterval  the longest delay between two attempts
 * @param concurrency       how many deliveries (message and domain) run at once on a node
 * @param pollInterval      how often the queue is looked at when nothing wakes it
 * @param lease             how long a node keeps recipients it took before another may take them
 * @param connectTimeout    TCP connection timeout
 * @param timeout           SMTP read and write timeout
 * @param keepFinished      how long delivered and failed messages stay listed before they are purged
 * @param timeZone          time zone of the dates in notices' text
 */
@ConfigurationProperties("preau.delivery")
public record DeliveryProperties(
        String hostname,
        Smarthost smarthost,
        int mxPort,
        boolean mxVerifyCertificates,
        Duration retryWindow,
        Duration delayWarning,
        Duration firstRetry,
        Duration maxRetryInterval,
        int concurrency,
        Duration pollInterval,
        Duration lease,
        Duration connectTimeout,
        Duration timeout,
        Duration keepFinished,
        ZoneId timeZone) {

    public DeliveryProperties {
        hostname = hostname == null || hostname.isBlank() ? localHostName() : hostname.strip();
        smarthost = smarthost == null ? Smarthost.NONE : smarthost;
        if (concurrency < 1) {
            throw new IllegalArgumentException("preau.delivery.concurrency must be at least 1");
        }
        timeZone = timeZone == null ? ZoneId.of("Europe/Paris") : timeZone;
    }

    /** How TLS is used towards the smarthost. */
    public enum TlsMode {
        /** Plain text (a relay on the same machine or network only). */
        NONE,
        /** STARTTLS, required: no delivery if the relay does not offer it. */
        STARTTLS,
        /** STARTTLS when offered, plain text otherwise. */
        STARTTLS_OPPORTUNISTIC,
        /** TLS from the first byte (port 465). */
        IMPLICIT
    }

    /**
     * A relay taking all remote mail; {@code user} and {@code password} (PREAU_SMARTHOST_USER,
     * PREAU_SMARTHOST_PASSWORD) for AUTH, blank for none. The password never appears in
     * {@link #toString()} nor in logs.
     */
    public record Smarthost(String host, int port, TlsMode tls, String user, String password,
                            boolean verifyCertificate) {

        static final Smarthost NONE = new Smarthost(null, 587, TlsMode.STARTTLS, null, null, true);

        public Smarthost {
            host = blankToNull(host);
            user = blankToNull(user);
            password = blankToNull(password);
            tls = tls == null ? TlsMode.STARTTLS : tls;
        }

        public boolean configured() {
            return host != null;
        }

        public boolean authenticates() {
            return user != null && password != null;
        }

        @Override
        public String toString() {
            return "Smarthost[host=" + host + ", port=" + port + ", tls=" + tls + ", user=" + user
                    + ", password=" + (password == null ? "none" : "***") + ", verifyCertificate="
                    + verifyCertificate + "]";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
