/**
 * Tenancy: académies (mail domain, NUMEN académie code, password policy, help desk), their
 * DSDEN départements (help-desk phone and hours) and établissements (UAI code).
 * API: {@link fr.preau.tenancy.Tenancy} and the records of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package fr.preau.tenancy;
