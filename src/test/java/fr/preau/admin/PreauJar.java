package fr.preau.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar ({@code preau.exec.jar}, set by the pom) as an administrator would,
 * with the JVM running the tests, in a clean environment: only the PREAU_* variables given,
 * LANG=C.UTF-8 (so French by default), a data directory of the test's own.
 *
 * <p>Each run is a new JVM (seconds): tests group their assertions, and run independent
 * commands side by side with {@link Cli#parallel}.
 */
final class PreauJar {

    /** JVM options for short-lived commands: quick start, little memory, UTF-8 output. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m",
            "-XX:-UsePerfData", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");
    static final long TIMEOUT_SECONDS = 300;
    private static final int PARALLEL = Math.max(2, Math.min(3, Runtime.getRuntime().availableProcessors()));

    private PreauJar() {}

    /**
     * Skips the calling test unless the packaged jar is known: failsafe sets preau.exec.jar,
     * surefire does not (a {@code -Dtest=...} pattern can select *IT classes too).
     */
    static void assumePackaged() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("preau.exec.jar") != null,
                "needs the packaged jar: run by failsafe (mvn verify)");
    }

    static Path jar() {
        String path = System.getProperty("preau.exec.jar");
        assertThat(path).as("system property preau.exec.jar (set by the pom for failsafe)").isNotBlank();
        Path jar = Path.of(path);
        assertThat(jar).as("packaged jar").isRegularFile();
        return jar;
    }

    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** What a run printed and returned. */
    record Result(String command, int exit, String out, String err) {

        String all() {
            return out + err;
        }

        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        Result expectExit(int expected) {
            if (exit != expected) {
                fail("%s%nexpected exit %d, got %d%n--- stdout:%n%s%n--- stderr:%n%s", command, expected, exit, out, err);
            }
            return this;
        }

        /** Refused: exit 1 and exactly one line on stderr containing {@code reason}. */
        Result expectRefusal(String reason) {
            expectExit(1);
            assertThat(errLines()).as(command).singleElement().asString().contains(reason);
            return this;
        }
    }

    /** One command line to run: arguments, extra environment, standard input. */
    record Invocation(List<String> args, Map<String, String> env, String stdin) {
        static Invocation of(String... args) {
            return new Invocation(List.of(args), Map.of(), null);
        }

        Invocation env(String name, String value) {
            Map<String, String> more = new HashMap<>(env);
            more.put(name, value);
            return new Invocation(args, more, stdin);
        }

        Invocation stdin(String text) {
            return new Invocation(args, env, text);
        }

        Invocation english() {
            return env("PREAU_LANG", "en");
        }
    }

    /** {@code preau admin} (or serve) against one data directory and, optionally, one database URL. */
    static final class Cli {
        private final Map<String, String> env;

        Cli(Path dataDir) {
            this(Map.of("PREAU_DATA_DIR", dataDir.toString()));
        }

        private Cli(Map<String, String> env) {
            this.env = Map.copyOf(env);
        }

        Cli with(String name, String value) {
            Map<String, String> more = new HashMap<>(env);
            more.put(name, value);
            return new Cli(more);
        }

        Path dataDir() {
            return Path.of(env.get("PREAU_DATA_DIR"));
        }

        Result admin(String... args) {
            return run(Invocation.of(args));
        }

        Result run(Invocation invocation) {
            List<String> command = new ArrayList<>(List.of("admin"));
            command.addAll(invocation.args());
            return execute(command, invocation.env(), invocation.stdin());
        }

        /** Runs independent commands side by side (a few at a time); results in the same order. */
        List<Result> parallel(Invocation... invocations) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, invocations.length));
            try {
                List<Future<Result>> futures = new ArrayList<>();
                for (Invocation invocation : invocations) {
                    futures.add(pool.submit(() -> run(invocation)));
                }
                List<Result> results = new ArrayList<>();
                for (Future<Result> future : futures) {
                    results.add(future.get());
                }
                return results;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        /** Starts {@code preau <args>} in the background (the server), output to {@code log}. */
        Process start(Map<String, String> extraEnv, Path log, String... args) throws IOException {
            List<String> command = command(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            environment(builder, extraEnv);
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        }

        private Result execute(List<String> args, Map<String, String> extraEnv, String stdin) {
            List<String> command = command(args);
            String shown = "preau " + String.join(" ", args);
            try {
                Path out = Files.createTempFile("preau-out", ".txt");
                Path err = Files.createTempFile("preau-err", ".txt");
                try {
                    ProcessBuilder builder = new ProcessBuilder(command)
                            .redirectOutput(out.toFile()).redirectError(err.toFile());
                    environment(builder, extraEnv);
                    Process process = builder.start();
                    try (OutputStream in = process.getOutputStream()) {
                        if (stdin != null) {
                            in.write(stdin.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        fail("%s did not finish in %d s%n%s", shown, TIMEOUT_SECONDS, Files.readString(err));
                    }
                    return new Result(shown, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8));
                } finally {
                    Files.deleteIfExists(out);
                    Files.deleteIfExists(err);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private List<String> command(List<String> args) {
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(JVM_OPTIONS);
            command.add("-jar");
            command.add(jar().toString());
            command.addAll(args);
            return command;
        }

        private void environment(ProcessBuilder builder, Map<String, String> extraEnv) {
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("PREAU_") || name.startsWith("LC_")
                    || name.equals("LANGUAGE"));
            environment.put("LANG", "C.UTF-8");
            environment.putAll(env);
            environment.putAll(extraEnv);
        }
    }
}
