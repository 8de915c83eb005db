package fr.preau.mail;

import fr.preau.testsupport.TestDatabase;

class MailUploadsH2Test extends MailUploadsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
