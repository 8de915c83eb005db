package fr.preau.identity;

import fr.preau.tenancy.Department;
import java.time.Instant;

/** What the first step of the first connection (identifiant + activation code or NUMEN) came to. */
public sealed interface ActivationResult {

    /** The agent proved who they are: they may now choose a password for this account. */
    record Ticket(long accountId, String displayName) implements ActivationResult {}

    /** Identifiant or code/NUMEN wrong (the same answer whether or not the account exists). */
    record Invalid() implements ActivationResult {}

    record Locked(Instant until) implements ActivationResult {}

    /** The code was right but has expired: a new letter is needed. */
    record CodeExpired(Department department) implements ActivationResult {}

    /** The NUMEN was right, but the académie does not allow activation by NUMEN. */
    record NumenNotAllowed(Department department) implements ActivationResult {}

    /** The NUMEN was right and the account is already active: log in or recover instead. */
    record AlreadyActive() implements ActivationResult {}

    record Suspended(Department department) implements ActivationResult {}
}
