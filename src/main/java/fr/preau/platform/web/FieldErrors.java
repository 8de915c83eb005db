package fr.preau.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side validation errors of one form, by field, as message keys with arguments.
 * Templates turn them into translated text next to the field (aria-describedby) and into
 * a summary at the top of the form. The pseudo-field {@link #GLOBAL} holds form-wide errors.
 */
public final class FieldErrors {

    public static final String GLOBAL = "_form";

    /** One error: a message key and its arguments. */
    public record Error(String key, List<Object> args) {}

    private final Map<String, List<Error>> byField = new LinkedHashMap<>();

    /** The errors a service returned, by their field (form-wide when they have none). */
    public static FieldErrors of(List<fr.preau.platform.UserError> problems) {
        FieldErrors errors = new FieldErrors();
        problems.forEach(p -> errors.add(p.field() == null ? GLOBAL : p.field(), p.key(), p.args()));
        return errors;
    }

    public FieldErrors add(String field, String key, Object... args) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(new Error(key, List.of(args)));
        return this;
    }

    public FieldErrors global(String key, Object... args) {
        return add(GLOBAL, key, args);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<Error> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Fields with errors, in the order they were added (for the summary). */
    public Map<String, List<Error>> all() {
        return byField;
    }
}
