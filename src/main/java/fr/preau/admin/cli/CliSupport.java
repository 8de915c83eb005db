package fr.preau.admin.cli;

import fr.preau.platform.UserError;
import java.io.PrintWriter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * What every admin command shares: the audit actor ({@code cli:<user>}), the language of
 * messages (PREAU_LANG or LANG: French unless English is asked for), and the handling of
 * refusals: one translated line on stderr and exit status 1 (2 for bad usage).
 */
@Component
public class CliSupport {

    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    private final MessageSource messages;
    private final Locale locale;

    CliSupport(MessageSource messages) {
        this.messages = messages;
        String lang = System.getenv().getOrDefault("PREAU_LANG", System.getenv().getOrDefault("LANG", "fr"));
        this.locale = lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }

    public String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    public Locale locale() {
        return locale;
    }

    public String t(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    public String t(UserError error) {
        return t(error.key(), error.args());
    }

    public int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof UserError error) {
            err.println(t(error));
            return REFUSED;
        }
        if (e instanceof CliRefusal refusal) {
            err.println(refusal.getMessage());
            return REFUSED;
        }
        err.println(t("cli.error.unexpected", e.getClass().getSimpleName()));
        return REFUSED;
    }

    public int handleUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(e.getMessage());
        err.println(t("cli.error.usage", e.getCommandLine().getCommandSpec().qualifiedName()));
        return USAGE;
    }

    /** A refusal with an already translated message. */
    public static final class CliRefusal extends RuntimeException {
        public CliRefusal(String message) {
            super(message);
        }
    }
}
