package fr.preau.delivery.internal.inbound;

import fr.preau.delivery.internal.auth.MailAuthProperties;
import fr.preau.delivery.internal.smtp.SmtpListeners;
import org.springframework.stereotype.Component;

/** The name this server gives itself in the results it writes into mail (authserv-id): the MX host name unless set. */
@Component
public class InboundNames {

    private final MailAuthProperties properties;
    private final SmtpListeners listeners;

    public InboundNames(MailAuthProperties properties, SmtpListeners listeners) {
        this.properties = properties;
        this.listeners = listeners;
    }

    public String authservId() {
        String configured = properties.authservId();
        return configured == null || configured.isBlank() || configured.equals("localhost") ? listeners.hostname() : configured;
    }
}
