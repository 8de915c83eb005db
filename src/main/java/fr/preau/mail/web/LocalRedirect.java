package fr.preau.mail.web;

/**
 * Where to go back after a form post: only a path of this site under the mail pages, never
 * another host (an open redirect) or a scheme.
 */
final class LocalRedirect {

    private LocalRedirect() {}

    static String of(String back, String fallback) {
        if (back == null || back.isBlank() || back.length() > 2000) {
            return fallback;
        }
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && !back.contains("\r") && !back.contains("\n")
                && (back.startsWith("/simple/") || back.startsWith("/app/"));
        return local ? back : fallback;
    }
}
