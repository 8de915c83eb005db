package fr.preau.admin;

import fr.preau.admin.PreauJar.Cli;
import fr.preau.admin.PreauJar.Invocation;
import fr.preau.tenancy.Uai;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the admin tests start from, made with the command line itself: the académie of Dijon,
 * the département of Côte-d'Or and two établissements. Made once per test JVM on H2 and copied
 * into each test's data directory.
 */
final class Fixture {

    static final String ACADEMY = "dijon";
    static final String DOMAIN = "ac-dijon.fr";
    static final String DEPARTMENT = "21";
    static final String DEPARTMENT_PHONE = "03 53 73 00 21";
    static final String DEPARTMENT_EMAIL = "assistance21@ac-dijon.fr";
    static final String CARNOT = "0210015C";
    static final String PARDE = "0210019" + Uai.checkLetter("0210019");

    private static Path template;

    private Fixture() {}

    /** The tenancy commands that build the fixture, in order (the last ones may run side by side). */
    static Invocation[] tenancy() {
        return new Invocation[] {
                Invocation.of("academy", "create", "--code", ACADEMY, "--name", "Académie de Dijon",
                        "--domain", DOMAIN, "--numen-code", "07", "--phone", "03 80 44 84 00",
                        "--hours", "Mo-Fr 08:00-12:00,13:30-17:00", "--email", "assistance@ac-dijon.fr"),
                Invocation.of("department", "create", "--academy", ACADEMY, "--code", DEPARTMENT,
                        "--name", "Côte-d'Or", "--phone", DEPARTMENT_PHONE,
                        "--hours", "Mo-Fr 08:00-12:00,13:30-17:00; Sa 09:00-12:00", "--email", DEPARTMENT_EMAIL),
                Invocation.of("establishment", "create", "--department", DEPARTMENT, "--uai", CARNOT,
                        "--name", "Lycée Carnot", "--city", "Dijon"),
                Invocation.of("establishment", "create", "--department", DEPARTMENT, "--uai", PARDE,
                        "--name", "Collège Marcelle Pardé", "--city", "Dijon"),
        };
    }

    /** Copies the fixture's data directory (database and secret key) into {@code target}. */
    static synchronized Path copyTo(Path target) {
        if (template == null) {
            template = create();
        }
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : files.sorted().toList()) {
                Path relative = template.relativize(source);
                if (relative.startsWith("logs")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("preau-admin-fixture");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            Cli cli = new Cli(dir);
            Invocation[] steps = tenancy();
            cli.run(steps[0]).expectExit(0);
            try (H2Host host = H2Host.open(dir)) {
                cli.run(steps[1]).expectExit(0);
                cli.parallel(steps[2], steps[3]).forEach(r -> r.expectExit(0));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
