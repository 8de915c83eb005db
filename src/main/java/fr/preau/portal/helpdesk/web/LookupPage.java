package fr.preau.portal.helpdesk.web;

import fr.preau.platform.web.FieldErrors;

/** The status lookup form: the reference (kept) and the follow-up code (never sent back). */
public record LookupPage(String reference, FieldErrors errors, long retryMinutes) {}
