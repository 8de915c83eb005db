package fr.preau.identity.web;

import fr.preau.identity.RecoveryContacts;
import java.time.Instant;

/** The security settings hub's model: what is set up, what needs attention. */
public record SecurityPage(Instant passwordChangedAt, Instant passwordExpiresAt, RecoveryContacts contacts,
                           String mobileDisplay, boolean questionsSet, String notice,
                           fr.preau.identity.TwoFactor.Status twoFactor, int appPasswords) {}
