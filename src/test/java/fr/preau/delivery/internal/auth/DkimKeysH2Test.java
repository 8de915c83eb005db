package fr.preau.delivery.internal.auth;

import fr.preau.testsupport.TestDatabase;

class DkimKeysH2Test extends DkimKeysContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
