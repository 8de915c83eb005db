package fr.preau.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Marks a test (class or method) that needs the real PostgreSQL server. Such tests run by
 * default; {@code -Dpreau.test.postgres=false} (passed on by the pom to Surefire and Failsafe)
 * turns them off. There is no other way to skip them: when the server cannot be reached,
 * {@link TestDatabase#postgres()} fails the test with a message saying how to start it.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@DisabledIfSystemProperty(named = PostgresServer.SWITCH, matches = "(?i)false|no|off",
        disabledReason = "PostgreSQL tests turned off with -D" + PostgresServer.SWITCH + "=false")
public @interface PostgresTest {}
