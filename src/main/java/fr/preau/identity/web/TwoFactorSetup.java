package fr.preau.identity.web;

import fr.preau.platform.web.FieldErrors;

/**
 * The enrollment widget, on the account page and on the forced enrollment: the QR code (a
 * {@code data:} SVG), the secret for manual entry, the form for the first code.
 */
public record TwoFactorSetup(String qrDataUri, String uri, String secret, String account, String issuer, String action,
                             String cancelAction, FieldErrors errors) {}
