package fr.preau.delivery.internal.submission;

import fr.preau.testsupport.TestDatabase;


class SendingLimitsH2Test extends SendingLimitsContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
