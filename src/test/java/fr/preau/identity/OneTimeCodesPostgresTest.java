package fr.preau.identity;

import fr.preau.testsupport.PostgresTest;
import fr.preau.testsupport.TestDatabase;

@PostgresTest
class OneTimeCodesPostgresTest extends OneTimeCodesTest {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
