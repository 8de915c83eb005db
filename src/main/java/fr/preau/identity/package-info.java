/**
 * Identity: accounts and their provisioning, NUMEN, activation codes and first connection,
 * password policy and strength, login with brute-force defence, sessions, and the security
 * events of each account. API: the types of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package fr.preau.identity;
