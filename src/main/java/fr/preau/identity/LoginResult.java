package fr.preau.identity;

import fr.preau.tenancy.Department;
import java.time.Instant;

/**
 * What a login attempt came to. Each failure carries just what the agent needs: nothing for
 * wrong credentials (whether or not the account exists), the end of the lock, the help desk of
 * a suspended account's département, the maintenance message.
 */
public sealed interface LoginResult {

    record Success(AgentPrincipal principal, boolean maintenanceBanner) implements LoginResult {}

    record BadCredentials() implements LoginResult {}

    record Locked(Instant until) implements LoginResult {}

    record NotActivated() implements LoginResult {}

    record Suspended(Department department) implements LoginResult {}

    /** The password is right but must be renewed before going on. */
    record PasswordExpired(long accountId) implements LoginResult {}

    record Maintenance() implements LoginResult {}

    /** The password is right; two-factor authentication is on and this browser is not trusted: a code must follow. */
    record SecondFactorRequired(long accountId) implements LoginResult {}

    /** The password is right; the role requires two-factor authentication, which must be set up before going on. */
    record TwoFactorEnrollmentRequired(long accountId) implements LoginResult {}

    /** The second step's code was refused (wrong, or already used). */
    record SecondFactorRefused(TwoFactor.Verification verification) implements LoginResult {}

    /** A mail client gave the account's password while two-factor authentication is on: only app passwords open. */
    record AppPasswordRequired() implements LoginResult {}
}
