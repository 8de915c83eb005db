package fr.preau.mail.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The recipients typed in one field, split on commas, semicolons and line ends that are not
 * inside quotes or angle brackets ({@code "Martin, Camille" <c.martin@ac-dijon.fr>} stays one).
 */
final class AddressList {

    private AddressList() {}

    static List<String> split(String typed) {
        List<String> out = new ArrayList<>();
        if (typed == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (char c : typed.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angle++;
            } else if (c == '>' && !quoted && angle > 0) {
                angle--;
            }
            if ((c == ',' || c == ';' || c == '\n' || c == '\r') && !quoted && angle == 0) {
                add(out, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(out, current);
        return out;
    }

    static String join(List<String> addresses) {
        return String.join(", ", addresses);
    }

    private static void add(List<String> out, StringBuilder s) {
        String a = s.toString().strip();
        if (!a.isEmpty()) {
            out.add(a);
        }
    }
}
