package fr.preau.mail.web;

import fr.preau.mail.NoSuchFolderException;
import fr.preau.mail.NoSuchMessageException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A folder or message that does not exist, or belongs to another account (the store cannot
 * tell them apart for the caller), is a plain 404 page: nothing says whether the id exists.
 */
@ControllerAdvice(basePackageClasses = MailNotFoundAdvice.class)
class MailNotFoundAdvice {

    @ExceptionHandler({NoSuchFolderException.class, NoSuchMessageException.class})
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
