package fr.preau.portal.helpdesk;

import fr.preau.testsupport.PostgresTest;
import fr.preau.testsupport.TestDatabase;

@PostgresTest
class HelpDeskRepositoryPostgresTest extends HelpDeskRepositoryContract {
    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.POSTGRESQL;
    }
}
