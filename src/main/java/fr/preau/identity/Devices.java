package fr.preau.identity;

/**
 * A short, human name for a browser's User-Agent: "Firefox · Windows", "Safari · iPhone".
 * Good enough to recognise one's own devices in "Mes sessions"; the full string is kept too.
 */
public final class Devices {

    private Devices() {}

    public static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        return browser(userAgent) + " · " + system(userAgent);
    }

    private static String browser(String ua) {
        if (ua.contains("Edg/")) return "Edge";
        if (ua.contains("OPR/") || ua.contains("Opera")) return "Opera";
        if (ua.contains("Firefox/")) return "Firefox";
        if (ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("HeadlessChrome")) return "Chrome";
        if (ua.contains("Safari/")) return "Safari";
        if (ua.contains("Thunderbird")) return "Thunderbird";
        return ua.length() > 30 ? ua.substring(0, 30) + "…" : ua;
    }

    private static String system(String ua) {
        if (ua.contains("iPhone")) return "iPhone";
        if (ua.contains("iPad")) return "iPad";
        if (ua.contains("Android")) return "Android";
        if (ua.contains("Windows")) return "Windows";
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) return "macOS";
        if (ua.contains("CrOS")) return "ChromeOS";
        if (ua.contains("Linux")) return "Linux";
        return "?";
    }
}
