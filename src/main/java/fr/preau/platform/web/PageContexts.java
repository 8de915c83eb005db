package fr.preau.platform.web;

import fr.preau.platform.Maintenance;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link PageContext} of a request, for views that do not get the controllers' model
 * (a module's exception handler rendering its own page).
 */
@Component
public class PageContexts {

    private final MessageSource messages;
    private final Maintenance maintenance;

    PageContexts(MessageSource messages, Maintenance maintenance) {
        this.messages = messages;
        this.maintenance = maintenance;
    }

    public PageContext of(HttpServletRequest request) {
        return PageContextAdvice.of(request, messages, maintenance);
    }
}
