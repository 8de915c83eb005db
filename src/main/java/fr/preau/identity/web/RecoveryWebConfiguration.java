package fr.preau.identity.web;

import fr.preau.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recovery pages are for visitors who cannot sign in. */
@Configuration(proxyBeanMethods = false)
class RecoveryWebConfiguration {

    @Bean
    PublicPaths recoveryPublicPaths() {
        return PublicPaths.of("/recovery", "/recovery/**", "/forgot-identifier");
    }
}
