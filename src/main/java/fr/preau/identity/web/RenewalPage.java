package fr.preau.identity.web;

import fr.preau.identity.PasswordPolicy;
import fr.preau.platform.web.FieldErrors;

/** The expired-password page's model. */
public record RenewalPage(String displayName, String login, FieldErrors errors, PasswordPolicy.Evaluation evaluation) {}
