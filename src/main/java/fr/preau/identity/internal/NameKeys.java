package fr.preau.identity.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The search key of a name as the staff directory compares and sorts names: lower case,
 * without accents, every run of other characters (hyphen, apostrophe, space) one space.
 * "Éléonore", "ELEONORE" and "eléonore" have the same key; "Le Goff-Dupré" is "le goff dupre".
 * Migration V11 computes the same keys in SQL for the accounts that existed before it.
 */
public final class NameKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private NameKeys() {}

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return OTHER.matcher(plain).replaceAll(" ").strip();
    }

    /** The words of a typed query, as keys ("  Hélène  du-Pont " is helene, du, pont). */
    public static List<String> words(String text) {
        String key = of(text);
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }
}
