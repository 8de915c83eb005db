package fr.preau.identity;

import fr.preau.platform.web.Viewer;
import java.io.Serializable;
import java.security.Principal;

/**
 * The signed-in agent, as kept in the HTTP session: identifiers and what every page shows,
 * nothing secret. {@link #getName()} is the identifiant, which indexes the agent's sessions.
 */
public record AgentPrincipal(long accountId, String login, String displayName, Role role,
                             InterfaceChoice interfaceChoice) implements Principal, Viewer, Serializable {

    @Override
    public String getName() {
        return login;
    }

    @Override
    public boolean simplifiedInterface() {
        return interfaceChoice == InterfaceChoice.SIMPLIFIED;
    }

    public AgentPrincipal withInterface(InterfaceChoice choice) {
        return new AgentPrincipal(accountId, login, displayName, role, choice);
    }
}
