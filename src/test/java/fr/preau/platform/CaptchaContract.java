package fr.preau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class CaptchaContract extends DatabaseContract {

    private static final String IP = "198.51.100.7";

    private final MutableClock clock = MutableClock.start();
    private Captcha captcha;

    @BeforeEach
    void setUp() {
        captcha = captcha(TestProperties.SECRET_KEY, true);
    }

    private Captcha captcha(String key, boolean enabled) {
        PreauProperties properties = TestProperties.withCaptcha(TestProperties.properties(), enabled);
        return PlatformFactory.captcha(properties, new SecretKeys(properties, key), db.jdbc(), clock, new RateLimits());
    }

    @Test
    void givesChallengesTheWidgetUnderstands() {
        Map<String, Object> challenge = captcha.challenge();
        assertThat(challenge).containsOnlyKeys("algorithm", "challenge", "maxnumber", "salt", "signature");
        assertThat(challenge.get("algorithm")).isEqualTo("SHA-256");
        assertThat((String) challenge.get("salt")).contains("expires=");
        assertThat(captcha.challenge().get("challenge")).isNotEqualTo(challenge.get("challenge"));
    }

    @Test
    void acceptsASolvedChallengeOnceAndRefusesItsReplay() {
        String payload = CaptchaSolver.solve(captcha.challenge());
        assertThat(captcha.verify(payload, null, IP)).isTrue();
        assertThat(db.count("captcha_redeemed")).isEqualTo(1);
        assertThat(captcha.verify(payload, null, IP)).as("replay").isFalse();
        assertThat(captcha.verify(payload, null, "203.0.113.9")).as("replay from elsewhere").isFalse();
        assertThat(captcha.verify(CaptchaSolver.solve(captcha.challenge()), null, IP)).as("a new challenge").isTrue();
    }

    @Test
    void replayIsRefusedByAnotherNodeToo() {
        String payload = CaptchaSolver.solve(captcha.challenge());
        Captcha otherNode = captcha(TestProperties.SECRET_KEY, true);
        assertThat(otherNode.verify(payload, null, IP)).isTrue();
        assertThat(captcha.verify(payload, null, IP)).isFalse();
    }

    @Test
    void refusesWrongOrForgedProofs() {
        Map<String, Object> challenge = captcha.challenge();
        String solved = CaptchaSolver.solve(challenge);
        long right = new tools.jackson.databind.json.JsonMapper().readTree(Base64.getDecoder().decode(solved))
                .get("number").asLong();
        assertThat(captcha.verify(CaptchaSolver.payload(challenge, right + 1), null, IP)).as("wrong number").isFalse();
        Captcha otherInstallation = captcha(Base64.getEncoder().encodeToString(new byte[32]), true);
        assertThat(captcha.verify(CaptchaSolver.solve(otherInstallation.challenge()), null, IP))
                .as("signed with another key").isFalse();
        assertThat(captcha.verify("not base64 at all!", null, IP)).isFalse();
        assertThat(captcha.verify(Base64.getEncoder().encodeToString("{}".getBytes()), null, IP)).isFalse();
        assertThat(db.count("captcha_redeemed")).isZero();
    }

    @Test
    void withoutScriptAcceptsAStampOldEnough() {
        String stamp = captcha.formStamp();
        assertThat(captcha.verify(null, stamp, IP)).as("just shown").isFalse();
        clock.advance(Captcha.NO_SCRIPT_MIN_AGE.minusSeconds(1));
        assertThat(captcha.verify("", stamp, IP)).as("too quick").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(captcha.verify(" ", stamp, IP)).isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(captcha.verify(null, stamp, IP)).as("form left open too long").isFalse();
    }

    @Test
    void withoutScriptRefusesForgedStamps() {
        String stamp = captcha.formStamp();
        clock.advance(Duration.ofMinutes(1));
        String issued = stamp.substring(0, stamp.indexOf('.'));
        long earlier = Long.parseLong(issued) - 60;
        assertThat(captcha.verify(null, earlier + stamp.substring(stamp.indexOf('.')), IP)).as("moved back").isFalse();
        assertThat(captcha.verify(null, issued + ".0000", IP)).isFalse();
        assertThat(captcha.verify(null, issued, IP)).isFalse();
        assertThat(captcha.verify(null, "abc.def", IP)).isFalse();
        assertThat(captcha.verify(null, null, IP)).isFalse();
        assertThat(captcha(Base64.getEncoder().encodeToString(new byte[32]), true).verify(null, stamp, IP))
                .as("stamp of another installation").isFalse();
        assertThat(captcha.verify(null, stamp, IP)).isTrue();
    }

    @Test
    void withoutScriptIsLimitedPerAddress() {
        String stamp = captcha.formStamp();
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(captcha.verify(null, stamp, IP)).isTrue();
        }
        assertThat(captcha.verify(null, stamp, IP)).as("sixth time in the hour").isFalse();
        assertThat(captcha.verify(null, stamp, "203.0.113.9")).isTrue();
        assertThat(captcha.verify(CaptchaSolver.solve(captcha.challenge()), null, IP))
                .as("solving the challenge still works").isTrue();
    }

    @Test
    void whenTurnedOffAcceptsEverything() {
        Captcha off = captcha(TestProperties.SECRET_KEY, false);
        assertThat(off.enabled()).isFalse();
        assertThat(off.verify(null, null, IP)).isTrue();
        assertThat(captcha.enabled()).isTrue();
    }

    @Test
    void forgetsRedeemedChallengesOnceExpired() {
        assertThat(captcha.verify(CaptchaSolver.solve(captcha.challenge()), null, IP)).isTrue();
        captcha.pruneRedeemed();
        assertThat(db.count("captcha_redeemed")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(21));
        captcha.pruneRedeemed();
        assertThat(db.count("captcha_redeemed")).isZero();
    }
}
