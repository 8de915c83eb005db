package fr.preau.mail;

import fr.preau.testsupport.PostgresTest;
import fr.preau.testsupport.TestDatabase;

@PostgresTest
class MailSearchPostgresTest extends MailSearchContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
