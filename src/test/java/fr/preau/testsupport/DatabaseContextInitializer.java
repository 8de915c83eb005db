package fr.preau.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives a Spring Boot test context its own database and data directory, and the
 * {@link TestProperties test configuration}; both are removed when the context closes.
 * The properties rank just below the test's own ({@code @SpringBootTest(properties)},
 * {@code @TestPropertySource}), so a test can still override any of them, and above
 * application.yml and the PREAU_* environment.
 */
public abstract sealed class DatabaseContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>
        permits H2ContextInitializer, PostgresContextInitializer {

    /** Property holding the name of the test database (for diagnostics). */
    public static final String DATABASE_NAME = "preau.test.database";

    /** Where a database lives and how to get rid of it. */
    protected record Database(String name, String url, String user, String password, Runnable drop) {}

    protected abstract Database createDatabase();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir = createDataDir();
        Database database = createDatabase();
        Map<String, Object> properties = new LinkedHashMap<>(TestProperties.springProperties());
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("preau.data-dir", dataDir.toString());
        properties.put(DATABASE_NAME, database.name());
        MapPropertySource source = new MapPropertySource("preau-test-" + database.name(), properties);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                try {
                    database.drop().run();
                } finally {
                    deleteQuietly(dataDir);
                }
            }
        });
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("preau-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
