package fr.preau.delivery.internal.outbound;

import fr.preau.testsupport.TestDatabase;

class QueueWorkerH2Test extends QueueWorkerContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
