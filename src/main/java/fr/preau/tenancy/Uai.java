package fr.preau.tenancy;

import java.util.Locale;

/**
 * UAI (Unité administrative immatriculée), the national code of an établissement: seven
 * digits and a check letter, the letter being the seven digits modulo 23 in the alphabet
 * without I, O and Q. Example: 0210015C (lycée Carnot, Dijon).
 */
public final class Uai {

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Uai() {}

    /** Upper-cased, trimmed form of a candidate code. */
    public static String normalize(String candidate) {
        return candidate == null ? "" : candidate.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String candidate) {
        String uai = normalize(candidate);
        if (!uai.matches("\\d{7}[A-Z]")) {
            return false;
        }
        return checkLetter(uai.substring(0, 7)) == uai.charAt(7);
    }

    /** The check letter of seven digits. */
    public static char checkLetter(String sevenDigits) {
        if (!sevenDigits.matches("\\d{7}")) {
            throw new IllegalArgumentException("seven digits expected");
        }
        return LETTERS.charAt((int) (Long.parseLong(sevenDigits) % 23));
    }
}
