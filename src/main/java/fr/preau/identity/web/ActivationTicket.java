package fr.preau.identity.web;

import java.io.Serializable;
import java.time.Instant;

/** Kept in the session between the two steps of the first connection. */
record ActivationTicket(long accountId, String displayName, Instant expiresAt) implements Serializable {}
