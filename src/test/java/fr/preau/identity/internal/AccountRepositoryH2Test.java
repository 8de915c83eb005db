package fr.preau.identity.internal;

import fr.preau.testsupport.TestDatabase;

class AccountRepositoryH2Test extends AccountRepositoryContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
