package fr.preau.delivery.internal.outbound;

import java.net.IDN;
import java.util.Locale;

/**
 * An envelope address as the queue keeps it: the local part as given, the domain in lower
 * case and, for an internationalised domain, in its ASCII form (what DNS is asked about).
 * Refuses what could not be an RFC 5321 path: no {@code @}, empty parts, spaces, controls or
 * angle brackets (which could break an SMTP command or a notice's header).
 */
record OutboundAddress(String localPart, String domain) {

    static OutboundAddress parse(String address) {
        if (address == null) {
            throw new IllegalArgumentException("no address");
        }
        String a = address.strip();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || a.length() > 320) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>') {
                throw new IllegalArgumentException("not an address: " + address);
            }
        }
        return new OutboundAddress(a.substring(0, at), domain(a.substring(at + 1)));
    }

    /** A domain in lower case and ASCII; an address literal ({@code [192.0.2.1]}) stays as it is. */
    static String domain(String domain) {
        String d = domain.strip();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.startsWith("[") && d.endsWith("]")) {
            return d;
        }
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a domain: " + domain, e);
        }
        if (d.isEmpty() || d.length() > 253) {
            throw new IllegalArgumentException("not a domain: " + domain);
        }
        return d.toLowerCase(Locale.ROOT);
    }

    /** The address to use in SMTP: local part as given, domain in ASCII. */
    String address() {
        return localPart + "@" + domain;
    }
}
