package fr.preau.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The NUMEN (numéro d'identification éducation nationale): 13 characters, a two-digit
 * académie code, a letter, a two-digit year, five digits and three letters, e.g.
 * {@code 07E9412345ABC}. It is confidential: Préau stores only a keyed hash of it and the
 * masked form given by {@link #mask(String)}, and never logs or shows it.
 */
public final class Numen {

    private static final Pattern FORMAT = Pattern.compile("\\d{2}[A-Z]\\d{2}\\d{5}[A-Z]{3}");

    private Numen() {}

    /** Upper case without spaces, as agents often type it with spaces or in lower case. */
    public static String normalize(String candidate) {
        return candidate == null ? "" : candidate.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String candidate) {
        return FORMAT.matcher(normalize(candidate)).matches();
    }

    /** What may be shown: the académie code and the last two letters, e.g. {@code 07•••••••••BC}. */
    public static String mask(String numen) {
        String n = normalize(numen);
        return n.substring(0, 2) + "•".repeat(n.length() - 4) + n.substring(n.length() - 2);
    }
}
