package fr.preau.identity;

import java.time.Instant;

/** A created account with its activation code, which is shown this once and never again. */
public record ProvisionedAccount(Account account, String activationCode, Instant codeExpiresAt) {}
