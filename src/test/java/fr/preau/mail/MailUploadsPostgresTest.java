package fr.preau.mail;

import fr.preau.testsupport.PostgresTest;
import fr.preau.testsupport.TestDatabase;

@PostgresTest
class MailUploadsPostgresTest extends MailUploadsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
