package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;

@fr.preau.testsupport.PostgresTest
class MailReadingPostgresTest extends MailReadingContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
