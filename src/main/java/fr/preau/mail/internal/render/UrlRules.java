package fr.preau.mail.internal.render;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a URL in a mail body may be, once the sanitiser has decoded its entities: links only
 * {@code http}, {@code https} and {@code mailto}; images and CSS {@code url()} a {@code cid:}
 * reference (rewritten to the part's URL), an inline {@code data:image/png|gif|jpeg|webp}, or
 * a remote {@code http(s)} address when remote content is allowed. Relative URLs are dropped:
 * in a mail they would point at our own server.
 */
final class UrlRules {

    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_IMAGE = Pattern.compile(
            "^data:image/(png|gif|jpeg|jpg|webp)(;[a-z0-9=._-]+)*;base64,[a-z0-9+/=\\s%]*$", Pattern.CASE_INSENSITIVE);
    static final int MAX_DATA_URL = 2 << 20;

    private final Function<String, String> cidToUrl;
    private final boolean allowRemote;
    private boolean remoteBlocked;

    /**
     * @param cidToUrl the URL of the part with that Content-ID (without angle brackets,
     *     URL-decoded), or null when the message has none
     */
    UrlRules(Function<String, String> cidToUrl, boolean allowRemote) {
        this.cidToUrl = cidToUrl;
        this.allowRemote = allowRemote;
    }

    boolean remoteBlocked() {
        return remoteBlocked;
    }

    /** A link target, or null to drop it. */
    String link(String value) {
        String url = clean(value);
        String scheme = scheme(url);
        if (scheme == null) {
            return null;
        }
        return switch (scheme) {
            case "http", "https", "mailto" -> url;
            default -> null;
        };
    }

    /** An image source (img src, background, CSS url()), or null to drop it. */
    String image(String value) {
        String url = clean(value);
        String scheme = scheme(url);
        if (scheme == null) {
            return null;
        }
        return switch (scheme) {
            case "cid" -> {
                String cid = decode(url.substring(4)).strip();
                if (cid.startsWith("<") && cid.endsWith(">") && cid.length() > 2) {
                    cid = cid.substring(1, cid.length() - 1);
                }
                yield cid.isEmpty() ? null : cidToUrl.apply(cid);
            }
            case "data" -> url.length() <= MAX_DATA_URL && DATA_IMAGE.matcher(url).matches() ? url : null;
            case "http", "https" -> {
                if (allowRemote) {
                    yield url;
                }
                remoteBlocked = true;
                yield null;
            }
            default -> null;
        };
    }

    /**
     * As a browser reads it (WHATWG URL): tabs and line breaks removed anywhere, control
     * characters, spaces and invisible characters at either end stripped; inner spaces
     * encoded.
     */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        int from = 0;
        int to = sb.length();
        while (from < to && ignorable(sb.charAt(from))) {
            from++;
        }
        while (to > from && ignorable(sb.charAt(to - 1))) {
            to--;
        }
        return sb.substring(from, to).replace(" ", "%20");
    }

    private static boolean ignorable(char c) {
        return c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00a0'
                || c == '\u200b' || c == '\ufeff';
    }

    /** The scheme, lower-case, or null for a relative URL. */
    static String scheme(String url) {
        var m = SCHEME.matcher(url);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
