package fr.preau.delivery.durability;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@link KillDuringLoadScenario} on the embedded default: H2 in the data directory, read by the
 * test through the automatic-server URL of application.yml while the restarted server holds it.
 */
class KillDuringLoadH2IT extends KillDuringLoadScenario {

    @Override
    Map<String, String> environment(Map<String, String> base) {
        return base;
    }

    @Override
    MailStore openStore(Path dataDir) throws SQLException {
        return MailStore.h2(dataDir);
    }
}
