package fr.preau.identity.internal;

import fr.preau.testsupport.TestDatabase;

class LoginThrottleH2Test extends LoginThrottleContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
