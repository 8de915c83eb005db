package fr.preau.mail;

import fr.preau.testsupport.PostgresTest;
import fr.preau.testsupport.TestDatabase;

@PostgresTest
class MailSearchCorpusPostgresTest extends MailSearchCorpusContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
