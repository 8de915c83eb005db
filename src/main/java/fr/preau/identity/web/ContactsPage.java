package fr.preau.identity.web;

import fr.preau.identity.RecoveryContacts;
import fr.preau.platform.web.FieldErrors;

/** The recovery contacts page: the current contacts, what was typed, errors, and the last notice. */
public record ContactsPage(RecoveryContacts contacts, String mobileDisplay, String typedEmail, String typedMobile,
                           FieldErrors errors, String notice, long codeMinutes) {}
