package fr.preau.delivery.internal.smtp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The SMTP listeners' settings, bound from {@code preau.smtp.*} (application.yml, PREAU_*
 * variables). Missing values take the defaults below.
 *
 * @param enabled             whether the listeners start at all ({@code PREAU_SMTP_ENABLED}, true)
 * @param hostname            the server's name in greetings and {@code Received:}
 *                            ({@code PREAU_SMTP_HOSTNAME}; blank: this machine's name)
 * @param bindAddress         local address to listen on ({@code PREAU_SMTP_BIND_ADDRESS}; blank: all)
 * @param mxPort              MX listener, STARTTLS offered ({@code PREAU_SMTP_PORT}, 2525; -1: off)
 * @param submissionPort      submission, STARTTLS and AUTH required ({@code PREAU_SUBMISSION_PORT}, 5587; -1: off)
 * @param submissionsPort     submission over implicit TLS ({@code PREAU_SUBMISSIONS_PORT}, 5465; -1: off)
 * @param maxMessageSize      SIZE limit (50MB)
 * @param maxRecipients       recipients per transaction (100)
 * @param commandTimeout      idle time allowed between commands (5m)
 * @param dataTimeout         idle time allowed while a message is sent (10m)
 * @param maxConnections      concurrent sessions per listener (200)
 * @param maxConnectionsPerIp concurrent sessions per client address and listener (20)
 * @param maxErrors           protocol errors before the session is closed (10)
 * @param maxReceivedHeaders  {@code Received:} fields before a message counts as looping (50)
 * @param mxAuth              whether the MX listener also offers AUTH, over TLS (false)
 * @param shutdownGrace       how long transactions in progress may finish at shutdown (5s)
 */
@ConfigurationProperties("preau.smtp")
public record SmtpProperties(
        Boolean enabled, String hostname, String bindAddress,
        Integer mxPort, Integer submissionPort, Integer submissionsPort,
        DataSize maxMessageSize, Integer maxRecipients, Duration commandTimeout, Duration dataTimeout,
        Integer maxConnections, Integer maxConnectionsPerIp, Integer maxErrors, Integer maxReceivedHeaders,
        Boolean mxAuth, Duration shutdownGrace) {

    public SmtpProperties {
        enabled = enabled == null || enabled;
        hostname = hostname == null ? "" : hostname.strip();
        bindAddress = bindAddress == null ? "" : bindAddress.strip();
        mxPort = mxPort == null ? 2525 : mxPort;
        submissionPort = submissionPort == null ? 5587 : submissionPort;
        submissionsPort = submissionsPort == null ? 5465 : submissionsPort;
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(50) : maxMessageSize;
        maxRecipients = maxRecipients == null ? 100 : maxRecipients;
        commandTimeout = commandTimeout == null ? Duration.ofMinutes(5) : commandTimeout;
        dataTimeout = dataTimeout == null ? Duration.ofMinutes(10) : dataTimeout;
        maxConnections = maxConnections == null ? 200 : maxConnections;
        maxConnectionsPerIp = maxConnectionsPerIp == null ? 20 : maxConnectionsPerIp;
        maxErrors = maxErrors == null ? 10 : maxErrors;
        maxReceivedHeaders = maxReceivedHeaders == null ? 50 : maxReceivedHeaders;
        mxAuth = mxAuth != null && mxAuth;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(5) : shutdownGrace;
    }

    /** All defaults (tests, and what application.yml sets too). */
    public static SmtpProperties defaults() {
        return new SmtpProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
