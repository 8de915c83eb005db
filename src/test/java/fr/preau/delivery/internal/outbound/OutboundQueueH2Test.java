package fr.preau.delivery.internal.outbound;

import fr.preau.testsupport.TestDatabase;

class OutboundQueueH2Test extends OutboundQueueContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
