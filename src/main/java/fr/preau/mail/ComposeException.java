package fr.preau.mail;

import fr.preau.platform.UserError;
import java.util.List;

/**
 * A message was not sent, saved or uploaded, for the reasons listed (every malformed address,
 * not only the first): the web layer shows each next to its field and keeps what the agent typed.
 * As a {@link UserError} it carries the first reason.
 */
public class ComposeException extends UserError {

    private final transient List<ComposeError> errors;

    public ComposeException(List<ComposeError> errors) {
        super(errors.get(0).field(), errors.get(0).messageKey(), errors.get(0).args().toArray());
        this.errors = List.copyOf(errors);
    }

    public static ComposeException of(String field, String messageKey, Object... args) {
        return new ComposeException(List.of(ComposeError.of(field, messageKey, args)));
    }

    public List<ComposeError> errors() {
        return errors;
    }
}
