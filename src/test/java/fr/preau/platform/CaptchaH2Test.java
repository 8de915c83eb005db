package fr.preau.platform;

import fr.preau.testsupport.TestDatabase;

class CaptchaH2Test extends CaptchaContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
