package fr.preau.mail.web;

import fr.preau.mail.MailComposer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ExpiredComposeRescue} after the session filter (so it sees whether the session is
 * still valid) and before Spring Security (which would answer an expired session by the login
 * page and drop the form).
 */
@Configuration(proxyBeanMethods = false)
class ComposeRescueConfiguration {

    /** Spring Session's filter is at Integer.MIN_VALUE + 50; Spring Security's at -100. */
    static final int ORDER = -200;

    @Bean
    FilterRegistrationBean<ExpiredComposeRescue> expiredComposeRescue(ComposeRescueCookie cookie, ComposeDrafts drafts,
                                                                      MailComposer composer) {
        FilterRegistrationBean<ExpiredComposeRescue> registration =
                new FilterRegistrationBean<>(new ExpiredComposeRescue(cookie, drafts, composer));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/simple/mail/compose", "/app/mail/compose");
        return registration;
    }
}
