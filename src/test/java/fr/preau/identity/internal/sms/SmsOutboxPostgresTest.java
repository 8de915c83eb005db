package fr.preau.identity.internal.sms;

import fr.preau.testsupport.PostgresTest;
import fr.preau.testsupport.TestDatabase;

@PostgresTest
class SmsOutboxPostgresTest extends SmsOutboxContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
