package fr.preau.identity.web;

import fr.preau.identity.AppPasswords;
import fr.preau.platform.web.FieldErrors;
import java.util.List;

/**
 * {@code /account/app-passwords}: whether 2FA is on (else nothing to create), the list, the
 * password just created (shown once), the name typed and the errors.
 */
public record AppPasswordsPage(boolean twoFactorOn, List<AppPasswords.AppPassword> appPasswords,
                               AppPasswords.Creation.Created created, String name, String notice,
                               FieldErrors errors) {}
