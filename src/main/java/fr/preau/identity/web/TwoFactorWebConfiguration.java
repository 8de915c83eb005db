package fr.preau.identity.web;

import fr.preau.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TwoFactorWebConfiguration {

    /** The second step of the login and the forced enrollment: no one is signed in yet. */
    @Bean
    PublicPaths twoFactorPublicPaths() {
        return PublicPaths.of(SecondFactorController.PATH, SecondFactorController.PATH + "/**");
    }
}
