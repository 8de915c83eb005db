package fr.preau.delivery.internal.outbound;

import fr.preau.delivery.internal.dns.Dns;
import fr.preau.platform.BlobStore;
import fr.preau.platform.Durability;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wiring of remote delivery. The queue itself ({@link OutboundQueue}) exists everywhere, also in
 * {@code preau admin}; the worker, its transport and the notices only in the server.
 *
 * <p>The transport is the smarthost when {@code preau.delivery.smarthost.host} is set, else
 * direct MX delivery through the {@link Dns} bean. Other parts of the delivery module plug in
 * through optional beans: an {@link OutboundSigner} (DKIM; none: unsigned) and a
 * {@link NoticeSink} (local delivery of notices; none: notices are queued like other mail).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class OutboundConfiguration {

    /** The worker and what only it uses: started with the server, never in one-shot commands. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Worker {

        private static final Logger log = LoggerFactory.getLogger(Worker.class);

        @Bean(destroyMethod = "shutdownNow")
        ScheduledExecutorService outboundWriteTimeouts() {
            return Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("outbound-write-timeouts").daemon(true).unstarted(r));
        }

        @Bean
        QueueWorker queueWorker(QueueRepository repository, BlobStore blobs, OutboundQueue queue,
                                DeliveryProperties properties, ObjectProvider<Dns> dns,
                                ObjectProvider<OutboundSigner> signer, ObjectProvider<NoticeSink> sink,
                                MessageSource messages, PlatformTransactionManager transactions, Clock clock,
                                ScheduledExecutorService outboundWriteTimeouts, Durability durability) {
            SmtpClient client = new SmtpClient(properties.hostname(), properties.connectTimeout(), properties.timeout(),
                    outboundWriteTimeouts);
            RemoteTransport transport = properties.smarthost().configured()
                    ? new SmarthostTransport(client, properties.smarthost())
                    : new DirectMxTransport(client, dns::getIfAvailable, properties.mxPort(),
                    properties.mxVerifyCertificates());
            log.info("Outbound mail: {}", transport);
            RetryPolicy policy = new RetryPolicy(properties);
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            DsnWriter writer = new DsnWriter(properties.hostname(), messages, properties.timeZone(), policy, clock);
            Notices notices = new Notices(repository, blobs, writer,
                    sink.getIfAvailable(() -> queue::enqueueNotice), transaction);
            return new QueueWorker(repository, blobs, transport, signer.getIfAvailable(() -> OutboundSigner.NONE),
                    notices, policy, transaction, clock, properties, durability);
        }
    }
}
