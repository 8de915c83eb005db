package fr.preau.mail;

import fr.preau.identity.Account;
import fr.preau.mail.internal.SearchService;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Run in a child JVM by {@link MailSearchRestartIT}: starts the server on a data directory
 * with a commit interval of an hour, delivers one message and commits the index, delivers a
 * second one (searchable, not committed), prints what it found, and dies without any
 * shutdown — as a crash or {@code kill -9} would.
 */
public final class SearchCrashingServer {

    static final int EXIT_CODE = 86;

    private SearchCrashingServer() {}

    public static void main(String[] args) {
        ConfigurableApplicationContext app = SearchServers.start(Path.of(args[0]), "--preau.mail.search.commit-interval=1h");
        Account agent = SearchServers.agent(app, "Camille", "Martin");
        long committed = SearchServers.deliver(app, agent, "Avant l'arrêt", "Livraison validée");
        app.getBean(SearchService.class).commit();
        long uncommitted = SearchServers.deliver(app, agent, "Juste avant l'arrêt", "Livraison en attente");
        List<Long> found = SearchServers.found(app, agent.id(), "arret livraison");
        // H2 writes committed transactions to its file within a second: write them now
        app.getBean(JdbcClient.class).sql("checkpoint sync").update();
        System.out.println("ACCOUNT " + agent.id() + " COMMITTED " + committed + " UNCOMMITTED " + uncommitted
                + " SEARCHABLE " + found);
        System.out.flush();
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
