package fr.preau.browser;

import fr.preau.identity.AccountStatus;
import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh accounts for the scenarios, made through the administration's API exactly as an
 * administrator would, so that no scenario sees another one's sessions, events or locks.
 * All are at the Lycée Carnot in Dijon (Côte-d'Or, help desk 03 53 73 00 21).
 */
final class Agents {

    static final String PASSWORD = "Marelle-Cerf-Volant-84!";
    static final String UAI = "0210015C";
    static final String DEPARTMENT = "Côte-d'Or";
    static final String HELP_DESK_PHONE = "03 53 73 00 21";

    /** A test agent: identifiant, names, and the activation code while the account is pending. */
    record Agent(long id, String login, String firstName, String lastName, String activationCode) {
        String displayName() {
            return firstName + " " + lastName;
        }
    }

    private static final List<String[]> NAMES = List.of(
            new String[] {"Claire", "Rousseau"}, new String[] {"Mathieu", "Lefebvre"},
            new String[] {"Inès", "Garnier"}, new String[] {"Karim", "Benali"},
            new String[] {"Élodie", "Chevalier"}, new String[] {"Yann", "Le Gall"},
            new String[] {"Aurélie", "Faure"}, new String[] {"Olivier", "Mercier"});
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Accounts accounts;
    private final FirstConnection firstConnection;

    Agents(Accounts accounts, FirstConnection firstConnection) {
        this.accounts = accounts;
        this.firstConnection = firstConnection;
    }

    /** Created, not yet activated: the agent has the activation code of their letter. */
    Agent pending() {
        int n = COUNTER.incrementAndGet();
        String[] name = NAMES.get(n % NAMES.size());
        // a NUMEN of the Dijon académie (07) that no demo agent has
        String numen = "07E99" + String.format("%05d", n) + "TST";
        ProvisionedAccount created = accounts.create("test", new NewAccount(name[1], name[0], numen, "enseignant", UAI,
                null, null));
        return new Agent(created.account().id(), created.account().login(), name[0], name[1], created.activationCode());
    }

    /** Activated with {@link #PASSWORD}. */
    Agent active() {
        Agent agent = pending();
        List<UserError> problems = firstConnection.complete(agent.id(), PASSWORD, PASSWORD, null, null,
                new ClientInfo("192.0.2.10", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("test password refused: " + problems.get(0).key());
        }
        return agent;
    }

    Agent suspended() {
        Agent agent = active();
        accounts.suspend("test", agent.login(), "test");
        return agent;
    }

    /** Active, but the administration asked for a new password at the next login. */
    Agent passwordExpired() {
        Agent agent = active();
        accounts.expirePassword("test", agent.login());
        return agent;
    }

    boolean isActive(Agent agent) {
        return accounts.byLogin(agent.login()).orElseThrow().status() == AccountStatus.ACTIVE;
    }
}
