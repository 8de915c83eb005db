package fr.preau.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preau.platform.SecretKeys;
import fr.preau.testsupport.TestProperties;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** TOTP secrets are sealed with AES-GCM: never in clear, bound to their account and to the master key. */
class SecretBoxTest {

    private final SecretBox box = new SecretBox(TestProperties.secretKeys());

    @Test
    void sealsAndOpens() {
        byte[] secret = Totp.newSecret();
        String sealed = box.seal(7, secret);
        assertThat(sealed).startsWith("v1.").doesNotContain(Base64.getEncoder().encodeToString(secret));
        assertThat(box.seal(7, secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(7, sealed)).isEqualTo(secret);
    }

    @Test
    void refusesAnotherAccountAnotherKeyOrAnAlteredText() {
        String sealed = box.seal(7, Totp.newSecret());
        assertThatThrownBy(() -> box.open(8, sealed)).isInstanceOf(IllegalStateException.class);
        SecretKeys other = new SecretKeys(TestProperties.properties(),
                Base64.getEncoder().encodeToString("another-master-key-of-32-bytes-at-least".getBytes()));
        assertThatThrownBy(() -> new SecretBox(other).open(7, sealed)).isInstanceOf(IllegalStateException.class);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> box.open(7, altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(7, "plain")).isInstanceOf(IllegalStateException.class);
    }
}
