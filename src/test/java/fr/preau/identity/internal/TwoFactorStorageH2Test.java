package fr.preau.identity.internal;

import fr.preau.testsupport.TestDatabase;

class TwoFactorStorageH2Test extends TwoFactorStorageContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
