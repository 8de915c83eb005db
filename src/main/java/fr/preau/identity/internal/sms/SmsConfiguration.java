package fr.preau.identity.internal.sms;

import fr.preau.identity.SmsGateway;
import fr.preau.identity.SmsOutbox;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SMS gateway of {@code preau.sms.mode}; the outbox is always there to read (empty in http mode). */
@Configuration
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    @Bean
    OutboxSmsGateway smsOutbox(JdbcClient jdbc, Clock clock) {
        return new OutboxSmsGateway(jdbc, clock);
    }

    @Bean
    @org.springframework.context.annotation.Primary
    SmsGateway smsGateway(SmsProperties properties, OutboxSmsGateway outbox) {
        return "http".equalsIgnoreCase(properties.mode()) ? new HttpSmsGateway(properties) : outbox;
    }
}
