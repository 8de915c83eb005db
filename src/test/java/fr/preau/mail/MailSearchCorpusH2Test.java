package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;

class MailSearchCorpusH2Test extends MailSearchCorpusContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
