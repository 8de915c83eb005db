package fr.preau.platform.web;

import fr.preau.platform.Maintenance;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Puts the {@link PageContext} in every controller's model as {@code ctx}. */
@ControllerAdvice
class PageContextAdvice {

    private final MessageSource messages;
    private final Maintenance maintenance;

    PageContextAdvice(MessageSource messages, Maintenance maintenance) {
        this.messages = messages;
        this.maintenance = maintenance;
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        return of(request, messages, maintenance);
    }

    static PageContext of(HttpServletRequest request, MessageSource messages, Maintenance maintenance) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Viewer viewer = auth != null && auth.getPrincipal() instanceof Viewer v ? v : null;
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        return new PageContext(messages, RequestContextUtils.getLocale(request),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), viewer, maintenance.status(), path);
    }
}
