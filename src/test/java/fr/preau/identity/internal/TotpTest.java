package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP codes against the test vectors of RFC 6238 (appendix B), and the window of accepted steps. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static byte[] seed(String algorithm) {
        String base = "1234567890";
        int length = switch (algorithm) {
            case "HmacSHA1" -> 20;
            case "HmacSHA256" -> 32;
            default -> 64;
        };
        return base.repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0} s, {2}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            59          | 94287082 | HmacSHA1
            59          | 46119246 | HmacSHA256
            59          | 90693936 | HmacSHA512
            1111111109  | 07081804 | HmacSHA1
            1111111109  | 68084774 | HmacSHA256
            1111111109  | 25091201 | HmacSHA512
            1111111111  | 14050471 | HmacSHA1
            1111111111  | 67062674 | HmacSHA256
            1111111111  | 99943326 | HmacSHA512
            1234567890  | 89005924 | HmacSHA1
            1234567890  | 91819424 | HmacSHA256
            1234567890  | 93441116 | HmacSHA512
            2000000000  | 69279037 | HmacSHA1
            2000000000  | 90698825 | HmacSHA256
            2000000000  | 38618901 | HmacSHA512
            20000000000 | 65353130 | HmacSHA1
            20000000000 | 77737706 | HmacSHA256
            20000000000 | 47863826 | HmacSHA512
            """)
    void matchesTheRfc6238TestVectors(long seconds, String expected, String algorithm) {
        Totp totp = new Totp(algorithm, 8, Duration.ofSeconds(30));
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(totp.codeAt(seed(algorithm), at)).isEqualTo(expected);
        assertThat(totp.matchingStep(seed(algorithm), expected, at)).hasValue(totp.stepAt(at));
    }

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130"})
    void authenticatorAppsCodesAreTheLastSixDigitsWithTheirLeadingZeros(long seconds, String expected) {
        assertThat(new Totp().codeAt(SHA1_SEED, Instant.ofEpochSecond(seconds))).isEqualTo(expected);
    }

    @Test
    void acceptsOneStepEitherSideAndNoFurther() {
        Totp totp = new Totp();
        Instant now = Instant.parse("2026-09-07T07:30:10Z");
        long step = totp.stepAt(now);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step), now)).hasValue(step);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 2), now)).isEmpty();
        // the code of 30 s ago is still good 29 s into the next step, not 31 s
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step), now.plusSeconds(49))).hasValue(step);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step), now.plusSeconds(51))).isEmpty();
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        Totp totp = new Totp();
        Instant now = Instant.parse("2026-09-07T07:30:10Z");
        String code = totp.codeAt(SHA1_SEED, now);
        assertThat(totp.matchingStep(SHA1_SEED, code.substring(1), now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, code + "0", now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, "abcdef", now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, null, now)).isEqualTo(OptionalLong.empty());
        assertThat(totp.matchingStep(Totp.newSecret(), code, now)).as("another secret").isEmpty();
    }

    @Test
    void newSecretsAre160RandomBits() {
        assertThat(Totp.newSecret()).hasSize(20).isNotEqualTo(Totp.newSecret());
    }
}
