package fr.preau.testsupport;

/**
 * A Spring Boot test context on a PostgreSQL database created for it
 * ({@code preau_test_<random>} on the test server, see {@link PostgresServer}) and dropped
 * when the context closes, plus a temporary data directory. Use through {@link PostgresContext}.
 * Fails the context, with a message saying how to start the server, when PostgreSQL is unreachable.
 */
public final class PostgresContextInitializer extends DatabaseContextInitializer {

    @Override
    protected Database createDatabase() {
        String name = PostgresServer.createDatabase();
        return new Database(name, PostgresServer.url(name), PostgresServer.user(), PostgresServer.password(),
                () -> PostgresServer.drop(name));
    }
}
