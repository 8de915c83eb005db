/**
 * Directory: the staff directory (annuaire) of an académie, its search and the recipient
 * suggestions of the compose page. Shows only active accounts of the reader's own académie,
 * and never their NUMEN, backup e-mail or mobile. API: the types of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package fr.preau.directory;
