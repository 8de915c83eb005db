package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;

class MailReadingH2Test extends MailReadingContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
