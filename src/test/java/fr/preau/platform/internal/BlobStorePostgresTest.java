package fr.preau.platform.internal;

import fr.preau.testsupport.TestDatabase;

@fr.preau.testsupport.PostgresTest
class BlobStorePostgresTest extends BlobStoreContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
