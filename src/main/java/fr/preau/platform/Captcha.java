package fr.preau.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * ALTCHA proof-of-work captcha, self-hosted: the browser finds a number whose hash matches
 * a signed challenge; no third party sees the visitor. A solved challenge is redeemed once.
 *
 * <p>Without JavaScript a visitor cannot compute the proof, so the form also carries a signed
 * time stamp: a submission without proof is accepted when the form was shown at least
 * {@link #NO_SCRIPT_MIN_AGE} earlier and the address has not used that path too often
 * (see docs/adr/0007-captcha-without-javascript.md).
 */
@Component
public class Captcha {

    public static final Duration NO_SCRIPT_MIN_AGE = Duration.ofSeconds(8);
    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(20);
    private static final RateLimits.Limit NO_SCRIPT_LIMIT =
            new RateLimits.Limit("captcha-no-script", 5, Duration.ofHours(1));

    private final boolean enabled;
    private final String hmacKey;
    private final SecretKeys keys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final JsonMapper json = JsonMapper.builder().build();

    Captcha(PreauProperties properties, SecretKeys keys, JdbcClient jdbc, Clock clock, RateLimits rateLimits) {
        this.enabled = properties.captcha().enabled();
        this.hmacKey = keys.derivedKeyHex("captcha");
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rateLimits = rateLimits;
    }

    public boolean enabled() {
        return enabled;
    }

    /** A fresh challenge, as the JSON object the browser-side solver expects. */
    public Map<String, Object> challenge() {
        try {
            Altcha.Challenge c = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(hmacKey)
                    .setMaxNumber(50_000L)
                    .setExpiresInSeconds(CHALLENGE_LIFETIME.toSeconds()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("algorithm", c.algorithm);
            out.put("challenge", c.challenge);
            out.put("maxnumber", c.maxnumber);
            out.put("salt", c.salt);
            out.put("signature", c.signature);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a captcha challenge", e);
        }
    }

    /** The signed time stamp to put in a form for the no-JavaScript path. */
    public String formStamp() {
        String issued = Long.toString(clock.instant().getEpochSecond());
        return issued + "." + keys.hmacHex("captcha-stamp", issued);
    }

    /**
     * Whether a form submission passes the captcha: a valid, unexpired, unused proof of work,
     * or, lacking one, an old-enough form stamp within the no-JavaScript allowance.
     */
    public boolean verify(String payload, String formStamp, String clientAddress) {
        if (!enabled) {
            return true;
        }
        if (payload != null && !payload.isBlank()) {
            return verifyProof(payload.trim());
        }
        return verifyStamp(formStamp) && rateLimits.tryConsume(NO_SCRIPT_LIMIT, clientAddress).allowed();
    }

    private boolean verifyProof(String payload) {
        try {
            if (!Altcha.verifySolution(payload, hmacKey, true)) {
                return false;
            }
            Map<?, ?> fields = json.readValue(Base64.getDecoder().decode(payload), Map.class);
            String signature = String.valueOf(fields.get("signature"));
            jdbc.sql("insert into captcha_redeemed (signature, expires_at) values (?, ?)")
                    .params(signature, OffsetDateTime.now(clock).plus(CHALLENGE_LIFETIME))
                    .update();
            return true;
        } catch (DataIntegrityViolationException replay) {
            return false;
        } catch (Exception malformed) {
            return false;
        }
    }

    private boolean verifyStamp(String stamp) {
        if (stamp == null) {
            return false;
        }
        int dot = stamp.indexOf('.');
        if (dot < 1) {
            return false;
        }
        String issued = stamp.substring(0, dot);
        if (!java.security.MessageDigest.isEqual(
                keys.hmacHex("captcha-stamp", issued).getBytes(StandardCharsets.US_ASCII),
                stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            Instant when = Instant.ofEpochSecond(Long.parseLong(issued));
            Instant now = clock.instant();
            return !when.plus(NO_SCRIPT_MIN_AGE).isAfter(now) && when.plus(Duration.ofHours(2)).isAfter(now);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Scheduled(fixedDelayString = "PT10M")
    void pruneRedeemed() {
        jdbc.sql("delete from captcha_redeemed where expires_at < ?").param(OffsetDateTime.now(clock)).update();
    }
}
