package fr.preau.testsupport;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base of the storage contract tests. A contract is an abstract class of tests extending
 * this one; each engine runs it through a tiny concrete subclass ({@code FooH2Test},
 * {@code FooPostgresTest} annotated {@link PostgresTest}) that names the engine.
 *
 * <p>Each concrete class gets its own migrated database (created before its first test,
 * dropped after its last), emptied before every test: as good as fresh, without paying for
 * a new PostgreSQL database per test. {@link #db} is set before the subclass's
 * {@code @BeforeEach} methods run.
 */
@ExtendWith(DatabaseContract.DatabasePerClass.class)
public abstract class DatabaseContract {

    protected TestDatabase db;

    /** The engine this run of the contract checks. */
    protected abstract TestDatabase.Engine engine();

    static final class DatabasePerClass implements BeforeEachCallback {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(DatabasePerClass.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            DatabaseContract test = (DatabaseContract) context.getRequiredTestInstance();
            ExtensionContext classContext = context.getParent().orElseThrow();
            // closed (and, for PostgreSQL, dropped) by JUnit when the class is done
            TestDatabase db = classContext.getStore(NAMESPACE)
                    .computeIfAbsent(test.engine(), TestDatabase::create, TestDatabase.class);
            db.empty();
            test.db = db;
        }
    }
}
