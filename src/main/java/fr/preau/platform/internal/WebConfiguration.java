package fr.preau.platform.internal;

import fr.preau.platform.PreauProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration {

    @Bean
    LocaleResolver localeResolver(PreauProperties properties) {
        return new PreauLocaleResolver(properties.web().secureCookies());
    }
}
