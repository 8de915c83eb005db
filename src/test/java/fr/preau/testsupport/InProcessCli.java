package fr.preau.testsupport;

import fr.preau.admin.AdminCli;
import fr.preau.admin.cli.CliSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import picocli.CommandLine;

/**
 * {@code preau admin} commands run in the test's JVM against an application context of the
 * test's own (the beans a command needs, hand-wired): the real picocli tree, texts and
 * refusals, as {@code AdminCli} runs them once Préau has started, in milliseconds. The
 * packaged-jar ITs cover the start-up that every command shares.
 */
public final class InProcessCli {

    /** A command's exit status and what it printed. */
    public record Outcome(int status, String out, String err) {}

    private InProcessCli() {}

    public static Outcome run(ApplicationContext application, Locale locale, String... args) {
        CliSupport support = new CliSupport(locale, ZoneOffset.UTC);
        support.attach(application);
        CommandLine commandLine = AdminCli.commandLine(support);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ParameterException usage) {
                return support.handleUsage(usage, args);
            }
        });
        int status = commandLine.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    /** The message source of the CLI's bundles plus the modules' named here (e.g. {@code "i18n/mail"}). */
    public static MessageSource bundles(String... basenames) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        String[] all = new String[basenames.length + 1];
        all[0] = "i18n/admin";
        System.arraycopy(basenames, 0, all, 1, basenames.length);
        messages.setBasenames(all);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
