package fr.preau.admin;

import fr.preau.admin.cli.AdminCommand;
import fr.preau.admin.cli.CliSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code preau admin ...}: starts Préau's modules without the web server or protocol
 * listeners, against the same database as the server (for the embedded H2, through its
 * automatic server mode, whether or not the server runs), runs one command and exits with
 * its status: 0 done, 1 refused (a one-line reason on stderr), 2 bad usage.
 */
public final class AdminCli {

    private AdminCli() {}

    /**
     * Runs one command in a context of {@code application} (the application class, passed in
     * so that this module does not depend back on the root package).
     */
    public static int run(Class<?> application, String[] args) {
        if (args.length == 0 || isHelp(args)) {
            // help needs no database
            return new CommandLine(new AdminCommand()).execute(args.length == 0 ? new String[] {"--help"} : args);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .profiles("cli")
                .logStartupInfo(false)
                .run()) {
            CommandLine commandLine = new CommandLine(AdminCommand.class, new SpringFactory(context));
            CliSupport support = context.getBean(CliSupport.class);
            commandLine.setExecutionExceptionHandler(support::handle);
            commandLine.setParameterExceptionHandler(support::handleUsage);
            return commandLine.execute(args);
        }
    }

    private static boolean isHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                return true;
            }
        }
        return false;
    }

    /** Creates commands with their constructor arguments taken from the Spring context. */
    private record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getName().startsWith("fr.preau.")) {
                return context.getAutowireCapableBeanFactory().createBean(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
