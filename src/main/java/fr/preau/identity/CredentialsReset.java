package fr.preau.identity;

/**
 * Published once an account's password was reset (self-service recovery or help desk): every
 * session is already closed; listeners revoke what was bound to the old credentials (app
 * passwords, trusted browsers).
 */
public record CredentialsReset(long accountId) {}
