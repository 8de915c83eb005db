package fr.preau.delivery.internal.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Reads an address back from its {@code in-addr.arpa} or {@code ip6.arpa} name. */
final class ReverseNames {

    private ReverseNames() {}

    /** The address a reverse name stands for, or {@code null} if it is not one. */
    static InetAddress address(String reverseName) {
        String name = reverseName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            if (name.endsWith(".in-addr.arpa")) {
                String[] labels = name.substring(0, name.length() - ".in-addr.arpa".length()).split("\\.");
                if (labels.length != 4) {
                    return null;
                }
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    if (!labels[3 - i].matches("\\d{1,3}") || Integer.parseInt(labels[3 - i]) > 255) {
                        return null;
                    }
                    bytes[i] = (byte) Integer.parseInt(labels[3 - i]);
                }
                return InetAddress.getByAddress(bytes);
            }
            if (name.endsWith(".ip6.arpa")) {
                String[] nibbles = name.substring(0, name.length() - ".ip6.arpa".length()).split("\\.");
                if (nibbles.length != 32) {
                    return null;
                }
                byte[] bytes = new byte[16];
                for (int i = 0; i < 32; i++) {
                    String nibble = nibbles[31 - i];
                    if (!nibble.matches("[0-9a-f]")) {
                        return null;
                    }
                    int value = Character.digit(nibble.charAt(0), 16);
                    bytes[i / 2] |= (byte) (i % 2 == 0 ? value << 4 : value);
                }
                return InetAddress.getByAddress(bytes);
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }
}
