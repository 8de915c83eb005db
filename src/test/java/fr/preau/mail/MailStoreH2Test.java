package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;

class MailStoreH2Test extends MailStoreContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
