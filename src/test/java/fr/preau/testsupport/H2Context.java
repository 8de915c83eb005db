package fr.preau.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@code @SpringBootTest} on a fresh in-memory H2 database and a temporary data
 * directory, with the {@link TestProperties test configuration}:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * @H2Context
 * class LoginPageIT { ... }
 * }</pre>
 *
 * Spring caches test contexts: test classes with the same configuration share one context,
 * hence one database. Do not assume it is empty (create data with unique names), or add
 * {@code @DirtiesContext} for a context of your own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = H2ContextInitializer.class)
public @interface H2Context {}
