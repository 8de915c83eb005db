package fr.preau.platform;

import fr.preau.testsupport.TestDatabase;

class SettingsH2Test extends SettingsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
