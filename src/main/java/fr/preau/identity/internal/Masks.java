package fr.preau.identity.internal;

/**
 * Contacts as the audit log and the pages show them once the agent proved who they are: enough
 * to recognise one's own address or number, not enough to learn someone else's.
 */
public final class Masks {

    private Masks() {}

    /** {@code claire.rousseau@example.org} becomes {@code c•••@example.org}. */
    public static String email(String address) {
        if (address == null) {
            return "";
        }
        int at = address.indexOf('@');
        return at <= 0 ? "•••" : address.charAt(0) + "•••" + address.substring(at);
    }

    /** {@code +33612345678} becomes {@code +33 6 •• •• •• 78}; other numbers keep their last two digits. */
    public static String mobile(String international) {
        if (international == null || international.length() < 4) {
            return "";
        }
        String last = international.substring(international.length() - 2);
        if (international.startsWith("+33") && international.length() == 12) {
            return "+33 " + international.charAt(3) + " •• •• •• " + last;
        }
        return international.substring(0, Math.min(4, international.length() - 2)) + " •••• " + last;
    }
}
