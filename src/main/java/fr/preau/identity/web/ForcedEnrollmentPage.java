package fr.preau.identity.web;

import java.util.List;

/** The forced enrollment after the password: the setup, then (once on) the recovery codes and "continue". */
public record ForcedEnrollmentPage(String displayName, TwoFactorSetup setup, List<String> recoveryCodes) {}
