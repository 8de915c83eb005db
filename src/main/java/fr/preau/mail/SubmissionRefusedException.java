package fr.preau.mail;

import fr.preau.platform.UserError;

/**
 * {@link OutgoingMail} refused a message: nothing was sent. The key is a {@code compose.error.*}
 * key; {@code address} is the recipient concerned, or null when the refusal is about the whole
 * message (a sending limit, the sender).
 */
public class SubmissionRefusedException extends UserError {

    private final String address;

    public SubmissionRefusedException(String key, String address, Object... args) {
        super(null, key, args);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
