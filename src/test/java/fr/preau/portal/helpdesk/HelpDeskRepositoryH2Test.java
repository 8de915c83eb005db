package fr.preau.portal.helpdesk;

import fr.preau.testsupport.TestDatabase;

class HelpDeskRepositoryH2Test extends HelpDeskRepositoryContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }
}
