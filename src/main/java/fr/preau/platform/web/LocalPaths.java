package fr.preau.platform.web;

/** Guards redirects that come from request parameters: only paths of this site are followed. */
public final class LocalPaths {

    private LocalPaths() {}

    /** {@code candidate} when it is a path on this site, otherwise {@code "/"}. */
    public static String safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.charAt(0) != '/'
                || candidate.startsWith("//") || candidate.startsWith("/\\")
                || candidate.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/";
        }
        return candidate;
    }
}
