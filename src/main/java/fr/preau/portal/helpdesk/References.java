package fr.preau.portal.helpdesk;

import fr.preau.platform.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A request's reference ({@code HD-7K3M-Q9TX}: public, told to the help desk, shown in the
 * console) and its follow-up code ({@code R4WP-8JHN}: shown once to the requester, stored only
 * as a keyed hash with the reference). Both use an alphabet without look-alikes; 40 random
 * bits each.
 */
@Component
public class References {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final String PURPOSE = "helpdesk-access";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeys keys;

    public References(SecretKeys keys) {
        this.keys = keys;
    }

    public String newReference() {
        return "HD-" + group(4) + "-" + group(4);
    }

    public String newFollowUpCode() {
        return group(4) + "-" + group(4);
    }

    /** The keyed hash kept for a reference and its code. */
    public String accessHash(String reference, String code) {
        return keys.hmacHex(PURPOSE, normalizeReference(reference) + ":" + normalizeCode(code));
    }

    /** Whether a typed code opens the reference, compared in constant time. */
    public boolean opens(String storedHash, String reference, String typedCode) {
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                accessHash(reference, typedCode).getBytes(StandardCharsets.US_ASCII));
    }

    /** A reference as people type it: any case, with or without the dashes and the HD prefix. */
    public static String normalizeReference(String typed) {
        String compact = typed == null ? "" : typed.replaceAll("[\\s._-]", "").toUpperCase(Locale.ROOT);
        if (compact.startsWith("HD")) {
            compact = compact.substring(2);
        }
        if (compact.length() != 8) {
            return "HD-" + compact;
        }
        return "HD-" + compact.substring(0, 4) + "-" + compact.substring(4);
    }

    /** Whether a normalised reference has the right form. */
    public static boolean wellFormed(String reference) {
        return reference.matches("HD-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");
    }

    private static String normalizeCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s._-]", "").toUpperCase(Locale.ROOT);
    }

    private String group(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
