package fr.preau.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared test corpus (real messages, HTML attack vectors, iCalendar, vCard, Sieve, IMAP
 * scripts from other projects), read where it lies and never copied into the project: the
 * system property {@code preau.corpus} when set, else {@code ../shared/corpus} next to the
 * project, else {@code /work/shared/corpus}.
 */
public final class Corpus {

    private Corpus() {}

    public static Path root() {
        String configured = System.getProperty("preau.corpus");
        List<Path> candidates = configured != null && !configured.isBlank()
                ? List.of(Path.of(configured))
                : List.of(Path.of("..", "shared", "corpus"), Path.of("/work/shared/corpus"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("The shared test corpus is not at " + candidates
                + " (set -Dpreau.corpus=/path/to/shared/corpus)");
    }

    /** A category of the corpus, e.g. {@code mime} or {@code xss}. */
    public static Path category(String name) {
        return root().resolve(name);
    }

    /** Every regular file under a category, in a stable order, aux files (licences, READMEs) left out. */
    public static List<Path> files(String category) {
        try (Stream<Path> walk = Files.walk(category(category))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isAux(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isAux(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.contains("LICENSE") || upper.contains("LICENCE") || upper.startsWith("README")
                || upper.startsWith("COPYING") || upper.equals("SOURCES.MD") || upper.startsWith("NOTICE");
    }
}
