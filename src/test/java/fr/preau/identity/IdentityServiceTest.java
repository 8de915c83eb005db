package fr.preau.identity;

import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.testsupport.DatabaseContract;
import fr.preau.testsupport.TestDatabase;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Base of the identity service tests: the real services, wired by hand, on an H2 database
 * of their own (emptied before each test), with the sample académies.
 */
abstract class IdentityServiceTest extends DatabaseContract {

    protected IdentityServices s;

    @Override
    protected TestDatabase.Engine engine() {
        return TestDatabase.Engine.H2;
    }

    @BeforeEach
    void startServices() {
        s = IdentityServices.on(db);
    }

    /** Every audit entry, oldest first. */
    protected List<AuditLog.Event> audit() {
        return s.audit().latest(null, 10_000).reversed();
    }

    protected List<String> auditTypes() {
        return audit().stream().map(AuditLog.Event::type).toList();
    }

    protected static void assertUserError(ThrowableAssert.ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserError.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.key()).isEqualTo(key);
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
        });
    }
}
