/**
 * Test support shared by every module's tests.
 *
 * <h2>A database for a test</h2>
 * <ul>
 *   <li>{@link fr.preau.testsupport.TestDatabase#h2()} / {@link fr.preau.testsupport.TestDatabase#postgres()}:
 *       a fresh, Flyway-migrated database (in-memory H2 with production's URL options, or
 *       {@code preau_test_<random>} on 127.0.0.1:5432 dropped on close) with a {@code JdbcClient},
 *       a {@code JdbcTemplate} and a transaction manager.</li>
 *   <li>{@link fr.preau.testsupport.DatabaseContract}: base class of storage contract tests; one
 *       database per concrete class, emptied before each test. Write {@code FooContract}
 *       (abstract) and two tiny classes {@code FooH2Test} and {@code FooPostgresTest}.</li>
 *   <li>{@link fr.preau.testsupport.PostgresTest}: put it on anything that needs PostgreSQL;
 *       {@code -Dpreau.test.postgres=false} turns such tests off, an unreachable server fails them.</li>
 * </ul>
 *
 * <h2>A Spring Boot context</h2>
 * {@code @SpringBootTest} plus {@link fr.preau.testsupport.H2Context} (unique in-memory H2) or
 * {@link fr.preau.testsupport.PostgresContext} (a PostgreSQL database created for the context
 * and dropped when it closes); both add a temporary {@code preau.data-dir} and the
 * {@link fr.preau.testsupport.TestProperties test configuration} (cheap Argon2id, no login
 * delays, non-secure cookies), which the test's own properties override.
 *
 * <h2>Time</h2>
 * {@link fr.preau.testsupport.MutableClock}: a {@code Clock} the test moves by hand.
 *
 * <p>Module-specific helpers live beside the module's tests: {@code fr.preau.platform.PlatformFactory}
 * and {@code CaptchaSolver}, {@code fr.preau.tenancy.TenancyFactory} and {@code SampleTenancy},
 * {@code fr.preau.identity.IdentityServices} (the identity services wired by hand).
 */
package fr.preau.testsupport;
