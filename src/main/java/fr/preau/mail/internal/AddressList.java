package fr.preau.mail.internal;

import fr.preau.mail.MailAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Address lists as one column: {@code name US address} records separated by RS, cut at a
 * record boundary to fit the column. Control characters never occur in decoded names
 * (they are replaced by spaces here).
 */
final class AddressList {

    private static final char UNIT = '\u001F';
    private static final char RECORD = '\u001E';

    private AddressList() {}

    static String encode(List<MailAddress> addresses, int max) {
        StringBuilder out = new StringBuilder();
        for (MailAddress a : addresses) {
            String record = clean(a.name()) + UNIT + clean(a.address());
            int needed = record.length() + (out.isEmpty() ? 0 : 1);
            if (out.length() + needed > max) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(RECORD);
            }
            out.append(record);
        }
        return out.toString();
    }

    static List<MailAddress> decode(String column) {
        List<MailAddress> out = new ArrayList<>();
        if (column == null || column.isEmpty()) {
            return out;
        }
        for (String record : column.split(String.valueOf(RECORD))) {
            int unit = record.indexOf(UNIT);
            String name = unit < 0 ? "" : record.substring(0, unit);
            String address = unit < 0 ? record : record.substring(unit + 1);
            out.add(new MailAddress(name.isEmpty() ? null : name, address));
        }
        return out;
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().strip();
    }
}
