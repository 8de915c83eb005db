package fr.preau.identity;

import static fr.preau.identity.IdentityServices.CLIENT;
import static fr.preau.identity.IdentityServices.numen;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.platform.PreauProperties;
import fr.preau.testsupport.MutableClock;
import fr.preau.testsupport.TestDatabase;
import fr.preau.testsupport.TestProperties;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one test that lets the throttle really wait: after the first failure every attempt is
 * held back by the (short) maximum delay, for known and unknown identifiers alike. Only a
 * lower bound is checked, so a slow machine cannot make it fail.
 */
class AuthenticationDelayTest {

    private static final Duration MAX_DELAY = Duration.ofMillis(300);
    private IdentityServices s;

    @BeforeEach
    void setUp() {
        PreauProperties properties = TestProperties.properties(
                new PreauProperties.Login(1, MAX_DELAY, 10, Duration.ofMinutes(15), 1000));
        s = IdentityServices.on(TestDatabase.h2(), MutableClock.start(), properties);
        s.createActive("Jean", "Dupont", numen(1), "Correct-Horse-42!");
    }

    @AfterEach
    void tearDown() {
        s.db().close();
    }

    @Test
    void holdsBackAttemptsAfterFailures() {
        for (String identifier : new String[] {"jdupont", "personne"}) {
            s.authentication().authenticate(identifier, "wrong", InterfaceChoice.FULL, CLIENT);
            long started = System.nanoTime();
            LoginResult result = s.authentication().authenticate(identifier, "wrong", InterfaceChoice.FULL, CLIENT);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result).isEqualTo(new LoginResult.BadCredentials());
            assertThat(took).as(identifier).isGreaterThanOrEqualTo(MAX_DELAY.minusMillis(10));
        }
        long started = System.nanoTime();
        assertThat(s.authentication().authenticate("jdupont", "Correct-Horse-42!", InterfaceChoice.FULL, CLIENT))
                .as("the right password waits too, then gets in").isInstanceOf(LoginResult.Success.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(MAX_DELAY.minusMillis(10));
    }
}
