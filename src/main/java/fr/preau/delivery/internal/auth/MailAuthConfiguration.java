package fr.preau.delivery.internal.auth;

import fr.preau.delivery.internal.dns.Dns;
import fr.preau.platform.SecretKeys;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail authentication beans: SPF, DKIM verification and signing, DMARC, and the spam
 * filter (rspamd when {@code preau.spam.rspamd-url} is set, with the built-in rules behind
 * it; the built-in rules alone otherwise).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailAuthProperties.class, DkimProperties.class, SpamProperties.class})
class MailAuthConfiguration {

    @Bean
    SpfCheck spfCheck(Dns dns, MailAuthProperties properties) {
        return new SpfCheck(dns, properties.authservId());
    }

    @Bean
    DkimVerifier dkimVerifier(Dns dns) {
        return new DkimVerifier(dns);
    }

    @Bean
    DmarcCheck dmarcCheck(Dns dns) {
        return new DmarcCheck(dns);
    }

    @Bean
    DkimKeys dkimKeys(JdbcClient jdbc, SecretKeys secrets, Clock clock, DkimProperties properties) {
        return new DkimKeys(jdbc, secrets, clock, properties);
    }

    @Bean
    DkimSigner dkimSigner(DkimKeys keys, Clock clock) {
        return new DkimSigner(keys, clock);
    }

    @Bean
    HostedDomains hostedDomains(Tenancy tenancy) {
        return new TenancyHostedDomains(tenancy);
    }

    @Bean
    SpamFilter spamFilter(SpamProperties properties, HostedDomains hosted, Dns dns) {
        RuleBasedSpamFilter rules = new RuleBasedSpamFilter(properties, hosted, dns);
        return properties.rspamdUrl() == null ? rules : new RspamdSpamFilter(properties, rules);
    }
}
