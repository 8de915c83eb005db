package fr.preau.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A refusal caused by what the user (or administrator) typed: carries a message key and its
 * arguments, and the form field it concerns, so that each adapter can show it translated
 * (next to the field on a page, as one line on the command line).
 */
public class UserError extends RuntimeException {

    private final String key;
    private final transient List<Object> args;
    private final String field;

    public UserError(String field, String key, Object... args) {
        super(key);
        this.key = key;
        // arguments may be null (e.g. an identifier that was not given): List.of would refuse them
        this.args = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.clone()));
        this.field = field;
    }

    public static UserError of(String key, Object... args) {
        return new UserError(null, key, args);
    }

    public static UserError onField(String field, String key, Object... args) {
        return new UserError(field, key, args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }

    /** The form field concerned, or null for the whole form. */
    public String field() {
        return field;
    }
}
