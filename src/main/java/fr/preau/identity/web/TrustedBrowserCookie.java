package fr.preau.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The cookie of a browser trusted to skip the second step: a random token (its keyed hash is
 * what the server keeps), HttpOnly, Secure, SameSite=Lax, sent only to the login pages.
 */
final class TrustedBrowserCookie {

    static final String NAME = "preau_trusted";

    private TrustedBrowserCookie() {}

    static void set(HttpServletResponse response, String token, Duration lifetime, boolean secure) {
        response.addHeader("Set-Cookie", ResponseCookie.from(NAME, token).path("/login").maxAge(lifetime)
                .httpOnly(true).secure(secure).sameSite("Lax").build().toString());
    }
}
