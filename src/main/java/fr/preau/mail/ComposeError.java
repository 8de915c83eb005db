package fr.preau.mail;

import java.util.List;

/**
 * One reason a message cannot be sent, saved or uploaded.
 *
 * @param field the compose form's field concerned ({@code to}, {@code cc}, {@code bcc},
 *     {@code subject}, {@code attachments}), or null for the whole form
 * @param messageKey the bundle key ({@code compose.error.*})
 * @param args the key's arguments (e.g. the malformed address)
 */
public record ComposeError(String field, String messageKey, List<Object> args) {

    public ComposeError {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }

    public static ComposeError of(String field, String messageKey, Object... args) {
        return new ComposeError(field, messageKey, java.util.Arrays.asList(args));
    }
}
