/**
 * Demo data for {@code ./preau demo}: the académies of Dijon, Lyon and Aix-Marseille with
 * their real départements, a few établissements each, and accounts in every state, created
 * through the other modules' APIs exactly as an administrator would.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package fr.preau.demo;
