package fr.preau.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.preau.platform.EventBus;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events reach subscribers after commit, never after a rollback, on each database's bus. */
abstract class EventBusContract extends DatabaseContract {

    EventBus bus;

    @BeforeEach
    void setUp() {
        bus = db.engine() == TestDatabase.Engine.POSTGRESQL
                ? new PostgresEventBus(db.jdbc(), db.dataSource()) : new LocalEventBus();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (bus instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void deliversAfterCommitOnlyAndPerChannel() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        try (var s1 = bus.subscribe("mail", heard::add); var s2 = bus.subscribe("other", other::add)) {
            // the first subscription opens the listening connection: wait until a probe gets through
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                bus.publish("mail", "probe");
                Thread.sleep(200);
                return heard.contains("probe");
            });
            Thread.sleep(300);
            heard.clear();
            db.transaction().executeWithoutResult(status -> {
                bus.publish("mail", "committed");
                assertThat(heard).as("not before commit").isEmpty();
            });
            db.transaction().executeWithoutResult(status -> {
                bus.publish("mail", "rolled back");
                status.setRollbackOnly();
            });
            bus.publish("mail", "outside a transaction");
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 2);
            Thread.sleep(300);
            assertThat(heard).containsExactly("committed", "outside a transaction");
            assertThat(other).isEmpty();
        }
    }
}
