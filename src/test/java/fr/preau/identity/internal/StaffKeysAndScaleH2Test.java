package fr.preau.identity.internal;

import fr.preau.testsupport.TestDatabase;

class StaffKeysAndScaleH2Test extends StaffKeysAndScaleContract {
    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
