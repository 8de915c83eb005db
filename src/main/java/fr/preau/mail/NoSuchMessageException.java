package fr.preau.mail;

import fr.preau.platform.UserError;

/** The message does not exist (any more), or belongs to another account (the two look the same). */
public class NoSuchMessageException extends UserError {
    public NoSuchMessageException() {
        super(null, "mail.error.message-not-found");
    }
}
