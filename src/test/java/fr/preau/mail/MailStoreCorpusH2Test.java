package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;


class MailStoreCorpusH2Test extends MailStoreCorpusContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
