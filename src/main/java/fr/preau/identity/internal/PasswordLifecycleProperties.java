package fr.preau.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code preau.password.*}: {@code history} is how many of the last passwords (the current one
 * included) a new one may not repeat; {@code expiryWarningDays} how long before the académie's
 * maximum age the agent is told to change it.
 */
@ConfigurationProperties("preau.password")
public record PasswordLifecycleProperties(@DefaultValue("5") int history, @DefaultValue("14") int expiryWarningDays) {}
