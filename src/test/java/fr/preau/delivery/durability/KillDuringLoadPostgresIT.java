package fr.preau.delivery.durability;

import fr.preau.testsupport.PostgresServer;
import fr.preau.testsupport.PostgresTest;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** {@link KillDuringLoadScenario} on PostgreSQL: a fresh database, dropped afterwards. */
@PostgresTest
class KillDuringLoadPostgresIT extends KillDuringLoadScenario {

    private String database;

    @Override
    Map<String, String> environment(Map<String, String> base) {
        database = PostgresServer.createDatabase();
        return PreauServer.onPostgres(base, PostgresServer.url(database), PostgresServer.user(), PostgresServer.password());
    }

    @Override
    MailStore openStore(Path dataDir) throws SQLException {
        return MailStore.postgres(PostgresServer.url(database), PostgresServer.user(), PostgresServer.password(), dataDir);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            PostgresServer.drop(database);
        }
    }
}
