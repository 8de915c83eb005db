package fr.preau.directory;

import fr.preau.testsupport.TestDatabase;

class StaffDirectoryH2Test extends StaffDirectoryContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
