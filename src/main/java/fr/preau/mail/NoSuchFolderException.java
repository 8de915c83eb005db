package fr.preau.mail;

import fr.preau.platform.UserError;

/** The folder does not exist, or belongs to another account (the two look the same). */
public class NoSuchFolderException extends UserError {
    public NoSuchFolderException() {
        super(null, "mail.error.folder-not-found");
    }
}
