package fr.preau.identity.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random codes people read and type: lower-case letters and digits without the look-alikes
 * (0/o, 1/l/i), about 4.95 bits a character, shown in groups separated by hyphens. What is
 * typed is read back without spaces or hyphens and in any case.
 */
public final class SecretCodes {

    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretCodes() {}

    /** {@code length} random characters in groups of {@code group}: e.g. {@code 7kq2m-x9c4t}. */
    public static String random(int length, int group) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % group == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What was typed, without blanks or hyphens, in lower case. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s\\-\u2010-\u2015]", "").toLowerCase(Locale.ROOT);
    }
}
