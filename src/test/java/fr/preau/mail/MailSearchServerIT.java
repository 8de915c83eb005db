package fr.preau.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.Account;
import fr.preau.platform.PreauProperties;
import fr.preau.testsupport.H2Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search index in the running server: opened under the data directory, and a message
 * delivered through {@link MailDelivery} — also inside a transaction of the caller's own —
 * is found by {@link MailSearch} as soon as the call (or that transaction) returns.
 */
@SpringBootTest
@H2Context
class MailSearchServerIT {

    @Autowired ApplicationContext app;
    @Autowired MailSearch search;
    @Autowired PreauProperties preau;
    @Autowired TransactionTemplate transaction;

    @Test
    void aDeliveredMessageIsFoundAsSoonAsDeliverReturns() {
        assertThat(search.available()).isTrue();
        assertThat(preau.dataDir().resolve("index").resolve("mail").resolve("write.lock")).exists();
        Account agent = SearchServers.agent(app, "Élise", "Baron");

        long id = SearchServers.deliver(app, agent, "Conseil d'administration", "Ordre du jour : le budget");
        assertThat(SearchServers.found(app, agent.id(), "conseil budget")).containsExactly(id);

        Long inTransaction = transaction.execute(status ->
                SearchServers.deliver(app, agent, "Réunion des délégués", "Salle polyvalente"));
        assertThat(SearchServers.found(app, agent.id(), "delegues polyvalente")).containsExactly(inTransaction);

        transaction.executeWithoutResult(status -> {
            SearchServers.deliver(app, agent, "Jamais arrivé", "Annulé");
            status.setRollbackOnly();
        });
        assertThat(search.search(agent.id(), SearchQuery.text("annule"), ListOrder.newestFirst(), 0, 10).total())
                .as("not even in the index: it was never committed").isZero();
    }
}
