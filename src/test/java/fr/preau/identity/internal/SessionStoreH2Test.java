package fr.preau.identity.internal;

import fr.preau.testsupport.TestDatabase;

class SessionStoreH2Test extends SessionStoreContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
