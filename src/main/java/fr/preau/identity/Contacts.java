package fr.preau.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Format checks and normal forms for an agent's personal contacts: the backup e-mail address
 * and the mobile number, kept in international form (+33612345678; overseas mobiles get
 * their own country code, e.g. 0692... becomes +262692...).
 */
public final class Contacts {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern FRENCH_MOBILE = Pattern.compile("0[67]\\d{8}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");
    /** Overseas mobile prefixes (after the 0) and their country codes. */
    private static final Map<String, String> OVERSEAS = Map.of(
            "639", "+262", "690", "+590", "691", "+590", "692", "+262", "693", "+262",
            "694", "+594", "696", "+596", "697", "+596");

    private Contacts() {}

    /** The address in lower case if it is well-formed, else empty. */
    public static Optional<String> email(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String value = input.strip();
        return value.length() <= 254 && EMAIL.matcher(value).matches()
                ? Optional.of(value.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The number in international form if it is a mobile number, else empty. */
    public static Optional<String> mobile(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s.()/-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (digits.startsWith("+330")) {
            digits = "+33" + digits.substring(4);
        }
        if (digits.startsWith("+33")) {
            digits = "0" + digits.substring(3);
        }
        if (FRENCH_MOBILE.matcher(digits).matches()) {
            String overseas = OVERSEAS.get(digits.substring(1, 4));
            return Optional.of((overseas != null ? overseas : "+33") + digits.substring(1));
        }
        return INTERNATIONAL.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** A French mobile number as shown to its owner: +33 6 12 34 56 78; others as stored. */
    public static String displayMobile(String international) {
        if (international != null && international.startsWith("+33") && international.length() == 12) {
            String n = international.substring(3);
            return "+33 " + n.charAt(0) + " " + n.substring(1, 3) + " " + n.substring(3, 5) + " "
                    + n.substring(5, 7) + " " + n.substring(7, 9);
        }
        return international;
    }
}
