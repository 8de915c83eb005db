package fr.preau.mail;

import fr.preau.platform.UserError;

/** Mail settings or a trusted sender refused; carries the field and a {@code reading.} message key. */
public class InvalidMailSettingsException extends UserError {
    public InvalidMailSettingsException(String field, String key, Object... args) {
        super(field, key, args);
    }
}
