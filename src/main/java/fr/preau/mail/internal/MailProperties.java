package fr.preau.mail.internal;

import fr.preau.identity.Role;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mail store's settings ({@code preau.mail.*}).
 *
 * @param quota default quotas by profile: {@code fullRoles} get {@code fullMb}, the others
 *              {@code standardMb}; an académie or an account may override them; a warning
 *              goes to the agent at {@code warnPercent}
 */
@ConfigurationProperties("preau.mail")
public record MailProperties(Quota quota) {

    public record Quota(long fullMb, long standardMb, Set<Role> fullRoles, int warnPercent) {}
}
