package fr.preau.platform.internal;

import fr.preau.testsupport.TestDatabase;


class EventBusH2Test extends EventBusContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
