package fr.preau.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The machine's own host name, the default name of the protocol listeners (SMTP greeting,
 * {@code Received:} headers) and of the self-signed certificate.
 */
public final class HostNames {

    private HostNames() {}

    /** The canonical name of this machine, lower case; {@code localhost} when it has none. */
    public static String thisMachine() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name == null || name.isBlank() ? "localhost" : normalize(name);
        } catch (UnknownHostException | SecurityException e) {
            return "localhost";
        }
    }

    /** {@code configured} normalised (lower case, no trailing dot), or this machine's name when blank. */
    public static String orThisMachine(String configured) {
        return configured == null || configured.isBlank() ? thisMachine() : normalize(configured);
    }

    private static String normalize(String name) {
        String trimmed = name.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
