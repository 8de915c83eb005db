package fr.preau.platform.web;

import java.util.List;

/**
 * URL patterns that anyone may open without being signed in. Each module declares its own
 * as a bean; the platform's security configuration collects them all.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
