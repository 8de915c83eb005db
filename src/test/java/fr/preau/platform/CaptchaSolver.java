package fr.preau.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.json.JsonMapper;

/**
 * Solves an ALTCHA challenge as the browser widget would, and encodes the payload the form
 * posts (field {@code altcha}). For tests of {@link Captcha} and of pages that require it.
 */
public final class CaptchaSolver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaptchaSolver() {}

    /** The base64 payload proving work on {@code challenge} (as {@link Captcha#challenge()} or GET /captcha/challenge give it). */
    public static String solve(Map<String, ?> challenge) {
        try {
            String algorithm = String.valueOf(challenge.get("algorithm"));
            long max = ((Number) challenge.get("maxnumber")).longValue();
            Altcha.Solution solution = Altcha.solveChallenge(String.valueOf(challenge.get("challenge")),
                    String.valueOf(challenge.get("salt")), Altcha.Algorithm.fromString(algorithm), max, 0);
            if (solution == null) {
                throw new IllegalStateException("no solution up to " + max);
            }
            return payload(challenge, solution.number);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot solve the captcha challenge " + challenge, e);
        }
    }

    /** A payload for {@code challenge} claiming {@code number} (right or wrong). */
    public static String payload(Map<String, ?> challenge, long number) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("algorithm", challenge.get("algorithm"));
        payload.put("challenge", challenge.get("challenge"));
        payload.put("number", number);
        payload.put("salt", challenge.get("salt"));
        payload.put("signature", challenge.get("signature"));
        return Base64.getEncoder().encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
    }
}
