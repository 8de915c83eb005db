package fr.preau.identity.internal.sms;

import fr.preau.testsupport.TestDatabase;

class SmsOutboxH2Test extends SmsOutboxContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
