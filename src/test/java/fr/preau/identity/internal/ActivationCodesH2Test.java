package fr.preau.identity.internal;

import fr.preau.testsupport.TestDatabase;

class ActivationCodesH2Test extends ActivationCodesContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
