package fr.preau.identity;

/** The life cycle of an account: created by the administration, activated by its owner, possibly suspended. */
public enum AccountStatus {
    /** Created, waiting for its owner's first connection. */
    PENDING,
    ACTIVE,
    SUSPENDED
}
