package fr.preau.mail.internal.compose;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the addresses typed in a compose field, strictly: each entry may hold several addresses
 * separated by commas or semicolons ({@code Nom <nom@domaine>, autre@domaine}); every one must be
 * a valid RFC 5322 mailbox with a domain that has a dot. The malformed ones are given back as typed,
 * so that the form can name each of them.
 */
public final class AddressInput {

    /** The valid addresses, and the malformed pieces as typed. */
    public record Parsed(List<InternetAddress> valid, List<String> invalid) {}

    private AddressInput() {}

    public static Parsed parse(List<String> entries) {
        List<InternetAddress> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String entry : entries) {
            for (String piece : split(entry == null ? "" : entry)) {
                InternetAddress a = mailbox(piece);
                if (a == null) {
                    invalid.add(piece);
                } else {
                    valid.add(a);
                }
            }
        }
        return new Parsed(valid, invalid);
    }

    /** One mailbox parsed strictly, or null. */
    static InternetAddress mailbox(String piece) {
        try {
            InternetAddress a = new InternetAddress(piece, true);
            a.validate();
            String address = a.getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1 || !address.substring(at + 1).contains(".")
                    || address.substring(at + 1).startsWith(".") || address.endsWith(".") || a.isGroup()) {
                return null;
            }
            if (a.getPersonal() != null) {
                a.setPersonal(a.getPersonal(), "UTF-8");
            }
            return a;
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            return null;
        }
    }

    /** Splits on commas and semicolons outside quotes, comments and angle brackets; blank pieces dropped. */
    static List<String> split(String entry) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (quoted && c == '\\' && i + 1 < entry.length()) {
                current.append(c).append(entry.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && c == '(') {
                comment++;
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
            } else if (!quoted && angle == 0 && comment == 0 && (c == ',' || c == ';')) {
                add(out, current);
                continue;
            }
            current.append(c);
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder piece) {
        String s = piece.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        piece.setLength(0);
    }
}
