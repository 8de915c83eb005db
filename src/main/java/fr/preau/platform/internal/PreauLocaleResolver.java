package fr.preau.platform.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * French by default; English when the visitor chose it with the language switch (a cookie)
 * or, failing a choice, when their browser prefers English to French.
 */
class PreauLocaleResolver implements LocaleResolver {

    static final String COOKIE = "preau_lang";
    static final Locale DEFAULT = Locale.FRENCH;
    static final Set<String> SUPPORTED = Set.of("fr", "en");

    private final boolean secureCookies;

    PreauLocaleResolver(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(COOKIE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && SUPPORTED.contains(cookie.getValue())) {
                    return Locale.of(cookie.getValue());
                }
            }
        }
        if (request.getHeader("Accept-Language") == null) {
            return DEFAULT;
        }
        var preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            String language = preferred.nextElement().getLanguage();
            if (SUPPORTED.contains(language)) {
                return Locale.of(language);
            }
        }
        return DEFAULT;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = locale != null && SUPPORTED.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
        request.setAttribute(COOKIE, Locale.of(language));
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, language)
                .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).secure(secureCookies).sameSite("Lax")
                .build().toString());
    }
}
