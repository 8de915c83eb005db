package fr.preau.delivery.internal.submission;

import fr.preau.testsupport.TestDatabase;

@fr.preau.testsupport.PostgresTest
class SendingLimitsPostgresTest extends SendingLimitsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
