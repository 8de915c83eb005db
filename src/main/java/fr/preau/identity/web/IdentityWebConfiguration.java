package fr.preau.identity.web;

import fr.preau.identity.PasswordPolicy;
import fr.preau.platform.web.PublicPaths;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration {

    @Bean
    PublicPaths identityPublicPaths() {
        return PublicPaths.of("/login", "/first-connection", "/first-connection/**", "/password-strength",
                "/password-strength/**", "/password/renew");
    }

    /** Loads the password word lists as soon as the server is up, not at the first keystroke. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpPasswordPolicy(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(PasswordPolicy.class).warmUp();
    }
}
