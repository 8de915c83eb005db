package fr.preau.admin;

import fr.preau.admin.cli.AdminCommand;
import fr.preau.admin.cli.CliSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
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
        ConfigurableApplicationContext started;
        try {
            started = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .profiles("cli")
                    .properties("preau.cli=true")
                    .logStartupInfo(false)
                    .run();
        } catch (RuntimeException e) {
            // typically the database: unreachable, or its schema newer or altered
            System.err.println(MessageFormat.format(startupMessage(), rootCause(e)));
            return CliSupport.REFUSED;
        }
        try (ConfigurableApplicationContext context = started) {
            CommandLine commandLine = new CommandLine(AdminCommand.class, new SpringFactory(context));
            CliSupport support = context.getBean(CliSupport.class);
            commandLine.setExecutionExceptionHandler(support::handle);
            commandLine.setParameterExceptionHandler(support::handleUsage);
            return commandLine.execute(args);
        }
    }

    private static String startupMessage() {
        String lang = System.getenv().getOrDefault("PREAU_LANG", System.getenv().getOrDefault("LANG", "fr"));
        Locale locale = lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
        // no fallback to the JVM's default locale: the base bundle is French
        return ResourceBundle.getBundle("i18n/admin", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("cli.error.startup");
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message).strip();
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
