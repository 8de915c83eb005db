package fr.preau.identity.web;

import fr.preau.platform.web.FieldErrors;

/** The login's second step: the code field, the "trust this browser" box (as it was ticked), the errors. */
public record SecondFactorPage(FieldErrors errors, boolean trust, long trustDays) {}
