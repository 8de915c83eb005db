package fr.preau.delivery.internal.dns;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Dns} bean: real resolvers, or the local zone of {@code preau.dns.zone-file}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DnsProperties.class)
class DnsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DnsConfiguration.class);

    @Bean
    Dns dns(DnsProperties properties) {
        return create(properties);
    }

    static Dns create(DnsProperties properties) {
        return switch (properties.mode()) {
            case SYSTEM -> properties.servers().isEmpty()
                    ? SystemDns.fromSystemConfiguration(properties.timeout())
                    : new SystemDns(properties.serverAddresses(), properties.timeout());
            case STATIC -> {
                if (properties.zoneFile() == null) {
                    log.warn("preau.dns.mode=static without preau.dns.zone-file: no name resolves");
                    yield StaticDns.empty();
                }
                Path file = Path.of(properties.zoneFile());
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("preau.dns.zone-file " + file.toAbsolutePath() + " does not exist");
                }
                log.info("DNS answered from the local zone {}", file.toAbsolutePath());
                yield StaticDns.load(file);
            }
        };
    }
}
