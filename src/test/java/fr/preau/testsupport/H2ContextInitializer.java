package fr.preau.testsupport;

import java.util.UUID;

/**
 * A Spring Boot test context on its own in-memory H2 database (production's URL options,
 * unique name) and a temporary data directory. Use through {@link H2Context}.
 */
public final class H2ContextInitializer extends DatabaseContextInitializer {

    @Override
    protected Database createDatabase() {
        String name = "preau_ctx_" + UUID.randomUUID().toString().replace("-", "");
        // no DB_CLOSE_DELAY: the database goes away when the context's pool closes its last connection
        return new Database(name, TestDatabase.h2Url(name), "sa", "", () -> {});
    }
}
