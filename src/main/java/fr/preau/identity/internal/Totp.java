package fr.preau.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, six
 * digits, 30-second steps (java-otp computes each code). A code is accepted for its own
 * step and one step either side, to allow for a phone's clock that is a little off; which
 * step matched is returned so that the caller can refuse a code used before.
 */
public final class Totp {

    /** How many steps either side of the current one are accepted. */
    public static final int WINDOW = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator;
    private final String algorithm;
    private final int digits;
    private final Duration step;

    /** The authenticator apps' TOTP: SHA-1, 6 digits, 30 s. */
    public Totp() {
        this("HmacSHA1", 6, Duration.ofSeconds(30));
    }

    /** Another variant of RFC 6238 (its test vectors use 8 digits and SHA-256/512 too). */
    public Totp(String algorithm, int digits, Duration step) {
        this.generator = new TimeBasedOneTimePasswordGenerator(step, digits, algorithm);
        this.algorithm = algorithm;
        this.digits = digits;
        this.step = step;
    }

    /** A new random secret of 160 bits (the size RFC 4226 recommends for SHA-1). */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public int digits() {
        return digits;
    }

    /** The number of the time step {@code instant} falls in. */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), step.toSeconds());
    }

    /** The code of a time step, with its leading zeros. */
    public String code(byte[] secret, long stepNumber) {
        try {
            int value = generator.generateOneTimePassword(new SecretKeySpec(secret, algorithm),
                    Instant.ofEpochSecond(stepNumber * step.toSeconds()));
            return String.format("%0" + digits + "d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP secret refused", e);
        }
    }

    /** The code at an instant. */
    public String codeAt(byte[] secret, Instant instant) {
        return code(secret, stepAt(instant));
    }

    /**
     * The step whose code {@code typed} is, among the current one and {@link #WINDOW} either side,
     * latest first; empty when it is none of them. Compared in constant time.
     */
    public OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        if (typed == null || typed.length() != digits || !typed.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        long found = Long.MIN_VALUE;
        for (long s = current + WINDOW; s >= current - WINDOW; s--) {
            boolean same = MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII));
            if (same && found == Long.MIN_VALUE) {
                found = s;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
