package fr.preau.mail.web;

import fr.preau.platform.web.LocalPaths;

/**
 * Where to go back after a form post: a path of this site ({@link LocalPaths#safe}) under the
 * mail pages, never another host (an open redirect) or a scheme.
 */
final class LocalRedirect {

    private LocalRedirect() {}

    static String of(String back, String fallback) {
        if (back == null || back.length() > 2000) {
            return fallback;
        }
        String safe = LocalPaths.safe(back);
        return safe.startsWith("/simple/") || safe.startsWith("/app/") ? safe : fallback;
    }
}
