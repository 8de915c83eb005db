package fr.preau.delivery.internal.smtp;

import java.util.regex.Pattern;

/**
 * The syntax of a mailbox in MAIL FROM and RCPT TO (RFC 5321 section 4.1.2): a dot-string
 * or quoted-string local part of at most 64 octets, {@code @}, and a domain name or an IPv4
 * or IPv6 address literal; US-ASCII only (SMTPUTF8 is not offered).
 */
final class MailboxSyntax {

    static final int MAX_LOCAL_PART = 64;
    static final int MAX_DOMAIN = 255;
    private static final String ATEXT = "!#$%&'*+-/=?^_`{|}~";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private MailboxSyntax() {}

    static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }

    static boolean valid(String mailbox) {
        int at = localPartEnd(mailbox);
        if (at <= 0 || at >= mailbox.length() - 1 || mailbox.charAt(at) != '@') {
            return false;
        }
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        return local.length() <= MAX_LOCAL_PART && validLocalPart(local) && validDomainOrLiteral(domain);
    }

    static boolean validDomainOrLiteral(String domain) {
        if (domain.startsWith("[")) {
            return domain.endsWith("]") && validAddressLiteral(domain.substring(1, domain.length() - 1));
        }
        return validDomain(domain);
    }

    static boolean validDomain(String domain) {
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The index of the {@code @} after the local part (quotes respected), or -1. */
    private static int localPartEnd(String mailbox) {
        if (mailbox.startsWith("\"")) {
            for (int i = 1; i < mailbox.length(); i++) {
                char c = mailbox.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i + 1 < mailbox.length() ? i + 1 : -1;
                }
            }
            return -1;
        }
        return mailbox.lastIndexOf('@');
    }

    private static boolean validLocalPart(String local) {
        if (local.startsWith("\"")) {
            if (local.length() < 2 || !local.endsWith("\"")) {
                return false;
            }
            for (int i = 1; i < local.length() - 1; i++) {
                char c = local.charAt(i);
                if (c == '\\') {
                    i++;
                    if (i >= local.length() - 1 || local.charAt(i) < 32 || local.charAt(i) > 126) {
                        return false;
                    }
                } else if (c < 32 || c > 126 || c == '"') {
                    return false;
                }
            }
            return true;
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean atext = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATEXT.indexOf(c) >= 0;
            if (!atext && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean validAddressLiteral(String literal) {
        if (literal.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return validIpv6(literal.substring(5));
        }
        return validIpv4(literal);
    }

    static boolean validIpv4(String text) {
        var matcher = IPV4.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(matcher.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean validIpv6(String text) {
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String head = compressed >= 0 ? text.substring(0, compressed) : text;
        String tail = compressed >= 0 ? text.substring(compressed + 2) : "";
        int groups = 0;
        String[][] parts = {head.isEmpty() ? new String[0] : head.split(":", -1),
                tail.isEmpty() ? new String[0] : tail.split(":", -1)};
        for (int side = 0; side < 2; side++) {
            String[] part = parts[side];
            for (int i = 0; i < part.length; i++) {
                boolean last = i == part.length - 1 && (side == 1 || compressed < 0);
                if (last && part[i].contains(".")) {
                    if (!validIpv4(part[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (HEX_GROUP.matcher(part[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return compressed >= 0 ? groups < 8 : groups == 8;
    }
}
