package fr.preau.platform;

import fr.preau.testsupport.TestDatabase;

class AuditLogH2Test extends AuditLogContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
