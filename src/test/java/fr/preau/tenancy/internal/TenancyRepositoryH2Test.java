package fr.preau.tenancy.internal;

import fr.preau.testsupport.TestDatabase;

class TenancyRepositoryH2Test extends TenancyRepositoryContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
