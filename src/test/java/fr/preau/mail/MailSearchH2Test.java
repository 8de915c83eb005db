package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;

class MailSearchH2Test extends MailSearchContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
