package fr.preau.mail.web;

import java.util.Locale;
import java.util.Optional;

/** What can be done to one or several selected messages, from a list or the reading page. */
enum MessageAction {
    READ, UNREAD, FLAG, UNFLAG, MOVE, DELETE, ARCHIVE, SPAM, NOT_SPAM;

    static Optional<MessageAction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The form value, e.g. {@code not-spam}. */
    String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The key of the notice shown once it is done, with the number of messages as argument. */
    String noticeKey() {
        return "webmail.done." + value();
    }
}
