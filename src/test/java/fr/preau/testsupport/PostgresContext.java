package fr.preau.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@code @SpringBootTest} on a PostgreSQL database created for the context and
 * dropped when it closes, with a temporary data directory and the
 * {@link TestProperties test configuration}. Implies {@link PostgresTest}: turned off by
 * {@code -Dpreau.test.postgres=false}, failing (never skipped) when the server is down.
 *
 * <pre>{@code
 * @SpringBootTest
 * @PostgresContext
 * class AccountsOnPostgresIT { ... }
 * }</pre>
 *
 * As with {@link H2Context}, classes with the same configuration share the context and its database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PostgresTest
@ContextConfiguration(initializers = PostgresContextInitializer.class)
public @interface PostgresContext {}
