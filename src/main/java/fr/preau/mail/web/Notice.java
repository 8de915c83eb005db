package fr.preau.mail.web;

import java.util.List;

/**
 * A one-line message shown at the top of the next page after an action ("3 messages moved to
 * Archives", or an error), carried across the redirect as a flash attribute.
 *
 * @param error true for a refusal (shown as an alert the screen reader announces)
 */
public record Notice(String key, List<Object> args, boolean error) implements java.io.Serializable {

    static final String ATTRIBUTE = "notice";

    static Notice done(String key, Object... args) {
        return new Notice(key, List.of(args), false);
    }

    static Notice error(String key, Object... args) {
        return new Notice(key, List.of(args), true);
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
