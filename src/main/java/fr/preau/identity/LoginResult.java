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
}
