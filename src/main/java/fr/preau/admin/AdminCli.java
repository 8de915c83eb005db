package fr.preau.admin;

import fr.preau.admin.cli.AdminCommand;
import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Terminal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code preau admin ...}: reads the command line first (help and bad usage are answered at
 * once, without a database), asks for what must be typed without echo and checks the files
 * to write ({@link BeforeStart}), then starts Préau's modules without the web server or
 * protocol listeners ({@link CliContext}) against the same database as the server (for the
 * embedded H2, through its automatic server mode, whether or not the server runs), runs the
 * command and exits with its status: 0 done, 1 refused (a one-line reason on stderr), 2 bad
 * usage.
 *
 * <p>Logs go to {@code <data directory>/logs/admin.log}, not to the terminal; set
 * {@code PREAU_DEBUG=true} to see them on the console too.
 */
public final class AdminCli {

    private AdminCli() {}

    public static int run(String[] args) {
        return run(args, new CliSupport(), new Terminal(), System.getenv());
    }

    static int run(String[] args, CliSupport cli, Terminal terminal, Map<String, String> environment) {
        return run(args, cli, terminal, environment, null, null);
    }

    /** With given standard output and error (null: the process's own). */
    static int run(String[] args, CliSupport cli, Terminal terminal, Map<String, String> environment,
                   PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(cli);
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        commandLine.setExecutionStrategy(parseResult -> execute(parseResult, cli, terminal, environment));
        int status = commandLine.execute(args.length == 0 ? new String[] {"--help"} : args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return status;
    }

    /** The command tree with its translated help and error handling (no Spring needed). */
    public static CommandLine commandLine(CliSupport cli) {
        CommandLine commandLine = new CommandLine(AdminCommand.class, new CommandFactory(cli));
        commandLine.setResourceBundle(cli.helpBundle());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(cli::handleUsage);
        commandLine.setExecutionExceptionHandler(cli::handle);
        return commandLine;
    }

    private static int execute(CommandLine.ParseResult parseResult, CliSupport cli, Terminal terminal,
                               Map<String, String> environment) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        List<CommandLine> chain = parseResult.asCommandLineList();
        CommandLine leaf = chain.get(chain.size() - 1);
        if (!(leaf.getCommand() instanceof Callable<?>)) {
            // a group without its command, e.g. "preau admin account": say so and list its commands
            leaf.usage(leaf.getErr());
            throw new CliSupport.UsageRefusal(leaf, cli.t("cli.usage.subcommand"));
        }
        try {
            for (CommandLine command : chain) {
                if (command.getCommand() instanceof BeforeStart early) {
                    early.beforeStart(cli, terminal);
                }
            }
        } catch (CommandLine.ParameterException usage) {
            throw usage;
        } catch (RuntimeException refused) {
            return cli.handle(refused, leaf, parseResult);
        }
        Path log = dataDirectory(environment).resolve("logs").resolve("admin.log");
        System.setProperty("preau.cli.log", log.toString());
        ConfigurableApplicationContext context;
        try {
            context = start(log, environment);
        } catch (RuntimeException failure) {
            leaf.getErr().println(CliSupport.maskNumens(
                    cli.t("cli.error.startup", rootMessage(failure), log.toString())));
            return CliSupport.REFUSED;
        }
        try (context) {
            cli.attach(context);
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ParameterException usage) {
                return cli.handleUsage(usage, parseResult.originalArgs().toArray(String[]::new));
            } catch (CommandLine.ExecutionException failure) {
                Exception cause = failure.getCause() instanceof Exception e ? e : failure;
                return cli.handle(cause, failure.getCommandLine(), parseResult);
            } finally {
                cli.detach();
            }
        }
    }

    private static ConfigurableApplicationContext start(Path log, Map<String, String> environment) {
        boolean debug = "true".equalsIgnoreCase(environment.getOrDefault("PREAU_DEBUG", ""));
        // a one-shot command has no use for Spring Boot's background warm-up (Jackson, validation...)
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        return new SpringApplicationBuilder(CliContext.class)
                .web(WebApplicationType.NONE)
                .profiles("cli")
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties(
                        "logging.file.name=" + log,
                        "logging.threshold.console=" + (debug ? "TRACE" : "OFF"),
                        "logging.level.fr.preau=" + (debug ? "DEBUG" : "INFO"),
                        // one short-lived client: a couple of connections are plenty
                        "spring.datasource.hikari.maximum-pool-size=4",
                        "spring.datasource.hikari.minimum-idle=1",
                        "spring.main.lazy-initialization=true",
                        "spring.jmx.enabled=false")
                .run();
    }

    /** Makes the commands and gives the leaf commands the shared {@link CliSupport}. */
    private record CommandFactory(CliSupport cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            K instance = CommandLine.defaultFactory().create(type);
            if (instance instanceof CliCommand command) {
                command.init(cli);
            }
            return instance;
        }
    }

    /** The data directory, as application.yml resolves it (PREAU_DATA_DIR, default ./data). */
    static Path dataDirectory(Map<String, String> environment) {
        String configured = environment.get("PREAU_DATA_DIR");
        return Path.of(configured == null || configured.isBlank() ? "./data" : configured).toAbsolutePath().normalize();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int lineBreak = message.indexOf('\n');
        return (lineBreak < 0 ? message : message.substring(0, lineBreak)).strip();
    }
}
