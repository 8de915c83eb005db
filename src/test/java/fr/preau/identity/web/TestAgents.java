package fr.preau.identity.web;

import fr.preau.identity.Accounts;
import fr.preau.identity.FirstConnection;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.web.ClientInfo;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates accounts for web tests through the same APIs as the administration and the first connection. */
final class TestAgents {

    static final String PASSWORD = "Marelle-Cerf-Volant-84!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private TestAgents() {}

    /** A pending account in the Lycée Carnot (demo data); returns it with its activation code. */
    static ProvisionedAccount pending(Accounts accounts, String lastName, String firstName) {
        return accounts.create("test", new NewAccount(lastName, firstName, numen(), "enseignant", "0210015C",
                null, null));
    }

    /** An active account with {@link #PASSWORD}; returns its identifiant. */
    static String active(Accounts accounts, FirstConnection firstConnection, String lastName, String firstName) {
        ProvisionedAccount created = pending(accounts, lastName, firstName);
        var problems = firstConnection.complete(created.account().id(), PASSWORD, PASSWORD, null, null,
                new ClientInfo("127.0.0.1", "test"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0).key());
        }
        return created.account().login();
    }

    /** A fresh valid NUMEN of the académie of Dijon. */
    static String numen() {
        int n = SEQUENCE.incrementAndGet();
        return String.format("07E15%05d%c%c%c", n, LETTERS.charAt(n % 23), LETTERS.charAt((n / 23) % 23),
                LETTERS.charAt((n / 529) % 23));
    }
}
