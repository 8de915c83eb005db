/**
 * Administration: the {@code preau admin} command line (académies, départements,
 * établissements, accounts, activation letters, maintenance, audit) and, later, the admin
 * console. Works through the other modules' APIs only, with or without a running server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package fr.preau.admin;
