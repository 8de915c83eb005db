package fr.preau.identity;

/**
 * An account to create, as the administration gives it (one CSV line or one command):
 * names, NUMEN, role (French label), établissement (UAI), optional backup e-mail and mobile.
 */
public record NewAccount(String lastName, String firstName, String numen, String role, String uai,
                         String backupEmail, String mobile) {}
