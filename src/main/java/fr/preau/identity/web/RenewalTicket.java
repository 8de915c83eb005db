package fr.preau.identity.web;

import fr.preau.identity.InterfaceChoice;
import java.io.Serializable;
import java.time.Instant;

/** Kept in the session between a login with an expired password and the choice of a new one. */
record RenewalTicket(long accountId, InterfaceChoice interfaceChoice, Instant expiresAt) implements Serializable {}
