package fr.preau.platform.internal;

import fr.preau.testsupport.TestDatabase;


class BlobStoreH2Test extends BlobStoreContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
