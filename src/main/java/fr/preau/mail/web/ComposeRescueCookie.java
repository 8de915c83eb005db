package fr.preau.mail.web;

import fr.preau.platform.PreauProperties;
import fr.preau.platform.SecretKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A signed cookie given with every compose page: the account the page was opened for, and until
 * when (the session's absolute lifetime). It lets {@link ExpiredComposeRescue} save what was
 * typed as a draft of that account when the session has expired in the meantime — and nothing
 * else: it opens no session and reads nothing.
 */
@Component
class ComposeRescueCookie {

    static final String NAME = "PREAU_COMPOSE";
    private static final String PURPOSE = "compose-rescue";

    private final SecretKeys keys;
    private final Clock clock;
    private final boolean secure;
    private final Duration lifetime;

    ComposeRescueCookie(SecretKeys keys, Clock clock, PreauProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.secure = properties.web().secureCookies();
        this.lifetime = properties.web().absoluteTimeout();
    }

    void issue(long accountId, HttpServletResponse response) {
        long until = clock.instant().plus(lifetime).getEpochSecond();
        String value = accountId + "." + until;
        ResponseCookie cookie = ResponseCookie.from(NAME, value + "." + keys.hmacHex(PURPOSE, value))
                .path("/").maxAge(lifetime).httpOnly(true).secure(secure).sameSite("Strict").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    Optional<Long> accountOf(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (var c : request.getCookies()) {
            if (NAME.equals(c.getName())) {
                return verify(c.getValue());
            }
        }
        return Optional.empty();
    }

    Optional<Long> verify(String value) {
        String[] p = value == null ? new String[0] : value.split("\\.");
        if (p.length != 3) {
            return Optional.empty();
        }
        String signed = p[0] + "." + p[1];
        boolean valid = MessageDigest.isEqual(keys.hmacHex(PURPOSE, signed).getBytes(StandardCharsets.US_ASCII),
                p[2].getBytes(StandardCharsets.US_ASCII));
        try {
            if (!valid || Long.parseLong(p[1]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(p[0]));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
