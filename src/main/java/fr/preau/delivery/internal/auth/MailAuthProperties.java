package fr.preau.delivery.internal.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail authentication ({@code preau.mail-auth.*}): {@code authserv-id} is the name this
 * installation signs its Authentication-Results with and strips from incoming ones, normally
 * the MX host name (e.g. {@code mx.ac-dijon.fr}); SPF also uses it for the {@code %{r}} macro.
 */
@ConfigurationProperties("preau.mail-auth")
public record MailAuthProperties(@DefaultValue("localhost") String authservId) {}
