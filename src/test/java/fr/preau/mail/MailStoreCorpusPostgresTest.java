package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;

@fr.preau.testsupport.PostgresTest
class MailStoreCorpusPostgresTest extends MailStoreCorpusContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
