package fr.preau.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times {@code preau admin account import} of a generated HR file (10,000 accounts by
 * default) with the packaged jar, as an administrator runs it, on the embedded H2 and on
 * PostgreSQL. Each run starts from an empty database made with the command line itself;
 * {@code preau admin academy list} on the same database gives the fixed cost of starting a
 * command, so that the import's own time can be told apart. Prints a Markdown section for
 * docs/PERFORMANCE.md.
 */
public final class ImportBenchmark {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String UAI_A = "0210015C";
    private static final String UAI_B = "0210019" + checkLetter("0210019");

    private final Path jar;
    private final int runs;
    private final int accounts;
    private final Path work;

    private ImportBenchmark(Path jar, int runs, int accounts) throws IOException {
        this.jar = jar;
        this.runs = runs;
        this.accounts = accounts;
        this.work = Files.createTempDirectory("preau-bench");
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("preau.jar", "../target/preau-exec.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: run ./mvnw -DskipTests package in the main project first");
        }
        ImportBenchmark bench = new ImportBenchmark(jar, Integer.getInteger("bench.runs", 3),
                Integer.getInteger("bench.accounts", 10_000));
        try {
            String report = bench.run(!"false".equals(System.getProperty("bench.postgres")));
            System.out.println(report);
            String output = System.getProperty("bench.output");
            if (output != null) {
                Files.createDirectories(Path.of(output).toAbsolutePath().getParent());
                Files.writeString(Path.of(output), report);
            }
        } finally {
            bench.deleteWork();
        }
    }

    private record Sample(double importSeconds, double startSeconds) {
        double net() {
            return importSeconds - startSeconds;
        }
    }

    private String run(boolean postgres) throws Exception {
        String loadBefore = loadAverage();
        Path file = work.resolve("hr.csv");
        Files.writeString(file, hrFile(accounts), StandardCharsets.UTF_8);
        List<Sample> h2 = new ArrayList<>();
        List<Sample> pg = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            h2.add(once("h2-" + i, Map.of(), file));
            System.err.printf("H2 run %d: %s%n", i, h2.getLast());
            if (postgres) {
                String database = "preau_bench_" + Long.toHexString(System.nanoTime());
                execute("create database " + database);
                try {
                    pg.add(once("pg-" + i, Map.of("PREAU_DB_URL", POSTGRES + database, "PREAU_DB_USER", "postgres",
                            "PREAU_DB_PASSWORD", ""), file));
                    System.err.printf("PostgreSQL run %d: %s%n", i, pg.getLast());
                } finally {
                    execute("drop database if exists " + database + " with (force)");
                }
            }
        }
        return report(h2, pg, loadBefore);
    }

    /** One import into an empty database: set up the tenancy, time a no-op command, time the import. */
    private Sample once(String name, Map<String, String> database, Path file) throws Exception {
        Path data = Files.createDirectories(work.resolve(name));
        admin(data, database, "academy", "create", "--code", "dijon", "--name", "Académie de Dijon", "--domain",
                "ac-dijon.fr", "--numen-code", "07", "--phone", "03 80 44 84 00", "--hours",
                "Mo-Fr 08:00-12:00,13:30-17:00");
        admin(data, database, "department", "create", "--academy", "dijon", "--code", "21", "--name", "Côte-d'Or",
                "--phone", "03 53 73 00 21", "--hours", "Mo-Fr 08:00-12:00,13:30-17:00");
        admin(data, database, "establishment", "create", "--department", "21", "--uai", UAI_A, "--name",
                "Lycée Carnot", "--city", "Dijon");
        admin(data, database, "establishment", "create", "--department", "21", "--uai", UAI_B, "--name",
                "Collège Marcelle Pardé", "--city", "Dijon");
        double start = admin(data, database, "academy", "list");
        double imported = admin(data, database, "account", "import", file.toString(), "--codes",
                data.resolve("codes.csv").toString());
        long lines;
        try (Stream<String> codes = Files.lines(data.resolve("codes.csv"))) {
            lines = codes.count();
        }
        if (lines != accounts + 1) {
            throw new IllegalStateException("expected " + accounts + " codes, got " + (lines - 1));
        }
        return new Sample(imported, start);
    }

    /** Runs {@code preau admin ...} with the default JVM settings; returns its wall-clock time in seconds. */
    private double admin(Path data, Map<String, String> database, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "admin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("last-command.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PREAU_"));
        builder.environment().put("PREAU_DATA_DIR", data.toString());
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(database);
        long begin = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " timed out");
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed:\n"
                    + Files.readString(data.resolve("last-command.txt")));
        }
        return seconds;
    }

    private String report(List<Sample> h2, List<Sample> pg, String loadBefore) {
        StringBuilder md = new StringBuilder();
        md.append("## Account import (preau admin account import)\n\n");
        md.append("Measured on ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPU(s), ")
                .append(cpuModel()).append(", ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", load average (1/5/15 min) before the runs ")
                .append(loadBefore).append(".\n\n");
        md.append("A generated HR file of ").append(accounts).append(" accounts (two établissements, no homonyms) "
                + "imported into an empty database with `--codes`, ").append(runs)
                .append(" runs each, median [min–max]. *Whole command* is the wall-clock time of "
                        + "`java -jar preau-exec.jar admin account import ...`; *start-up* is that of "
                        + "`preau admin academy list` on the same database; *import* is the difference.\n\n");
        md.append("| database | whole command (s) | start-up (s) | import (s) | accounts/s (import) |\n");
        md.append("|---|---|---|---|---|\n");
        row(md, "H2 (embedded file)", h2);
        if (!pg.isEmpty()) {
            row(md, "PostgreSQL 127.0.0.1", pg);
        }
        md.append("\nReproduce: `./mvnw -DskipTests package && cd bench && ../mvnw -q compile exec:java` "
                + "(see bench/README.md).\n");
        return md.toString();
    }

    private void row(StringBuilder md, String name, List<Sample> samples) {
        List<Double> whole = samples.stream().map(Sample::importSeconds).toList();
        List<Double> start = samples.stream().map(Sample::startSeconds).toList();
        List<Double> net = samples.stream().map(Sample::net).toList();
        md.append("| ").append(name).append(" | ").append(stats(whole)).append(" | ").append(stats(start))
                .append(" | ").append(stats(net)).append(" | ")
                .append(String.format(Locale.ROOT, "%.0f", accounts / median(net))).append(" |\n");
    }

    private static String stats(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", median(values), sorted.getFirst(), sorted.getLast());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** An HR file as académies send it: semicolons, header in French, distinct names and NUMEN. */
    static String hrFile(int accounts) {
        StringBuilder csv = new StringBuilder("nom;prénom;numen;rôle;uai;email de secours;mobile\n");
        for (int i = 0; i < accounts; i++) {
            csv.append("Nom").append(letters(i)).append(';').append(i % 2 == 0 ? "Élodie" : "François").append(';')
                    .append("07B").append("%07d".formatted(i)).append("BEN;")
                    .append(i % 5 == 0 ? "personnel administratif" : "enseignant").append(';')
                    .append(i % 3 == 0 ? UAI_B : UAI_A).append(';')
                    .append(i % 4 == 0 ? "agent" + i + "@example.org" : "").append(';')
                    .append(i % 4 == 1 ? "06 12 %02d %02d %02d".formatted(i / 10000 % 100, i / 100 % 100, i % 100) : "")
                    .append('\n');
        }
        return csv.toString();
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    private static char checkLetter(String sevenDigits) {
        return "ABCDEFGHJKLMNPRSTUVWXYZ".charAt((int) (Long.parseLong(sevenDigits) % 23));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void deleteWork() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
