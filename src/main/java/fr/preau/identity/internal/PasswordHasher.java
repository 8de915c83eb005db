package fr.preau.identity.internal;

import fr.preau.platform.PreauProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes (Spring Security's encoder over BouncyCastle). The parameters
 * are in the configuration and in every hash, so they can be raised later without
 * invalidating existing hashes. See docs/adr/0005-argon2id-parameters.md for the cost.
 */
@Component
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    /** A real hash of a random password, checked when no account matches so that timing does not tell. */
    private final String decoy;

    public PasswordHasher(PreauProperties properties) {
        PreauProperties.Argon2 p = properties.argon2();
        this.encoder = new Argon2PasswordEncoder(16, 32, p.parallelism(), p.memoryKib(), p.iterations());
        this.decoy = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && encoder.matches(password, hash);
    }

    /** Spends the same time as a real check, and fails. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, decoy);
        return false;
    }
}
