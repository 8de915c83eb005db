package fr.preau.platform;

import fr.preau.testsupport.TestDatabase;

class MigrationsH2Test extends MigrationsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
