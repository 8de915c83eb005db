package fr.preau.mail.web;

import fr.preau.mail.NoSuchFolderException;
import fr.preau.mail.NoSuchMessageException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A folder or message that does not exist, or belongs to another account (the store cannot
 * tell them apart for the caller), is a 404 that says what a user needs: it may have been moved
 * or deleted (in another tab, by a mail program), with the way back to the mail. Nothing says
 * whether the id exists.
 */
@ControllerAdvice(basePackageClasses = MailNotFoundAdvice.class)
class MailNotFoundAdvice {

    private final fr.preau.platform.web.PageContexts contexts;

    MailNotFoundAdvice(fr.preau.platform.web.PageContexts contexts) {
        this.contexts = contexts;
    }

    @ExceptionHandler({NoSuchFolderException.class, NoSuchMessageException.class})
    ModelAndView notFound(Exception gone, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        String key = gone instanceof NoSuchFolderException ? "mail.error.folder-not-found" : "mail.error.message-not-found";
        String base = request.getRequestURI().startsWith("/app/") ? "/app" : "/simple";
        boolean fragment = AppMailController.htmx(request, AppMailController.READING_PANE);
        return new ModelAndView(fragment ? "mail/app/gone" : "mail/not-found",
                Map.of("key", key, "base", base, "ctx", contexts.of(request)));
    }
}
