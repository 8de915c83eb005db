package fr.preau.admin.cli;

import fr.preau.identity.Numen;
import fr.preau.platform.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every admin command shares: the audit actor ({@code cli:<user>}), the language of
 * messages (PREAU_LANG or LANG: French unless English is asked for), dates in the
 * administrator's time zone, and the handling of refusals: one translated line on stderr and
 * exit status 1 (2 for bad usage).
 *
 * <p>It exists before the Spring context (bad usage and help are answered without touching
 * the database) and is then registered in the context, so commands get it with
 * {@code @Autowired}.
 */
public class CliSupport {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    /** The message bundles the command line needs before the Spring context exists. */
    static final String[] BUNDLES = {"i18n/admin", "i18n/tenancy", "i18n/identity", "i18n/platform"};

    /** Something shaped like a NUMEN (with or without spaces), to mask in any echoed input. */
    private static final Pattern NUMEN_LIKE = Pattern.compile(
            "(?<![0-9A-Za-z])\\d{2}[ .-]?[A-Za-z][ .-]?\\d{2}[ .-]?\\d{5}[ .-]?[A-Za-z]{3}(?![0-9A-Za-z])");

    private static final Logger log = LoggerFactory.getLogger(CliSupport.class);

    private final Locale locale;
    private final ZoneId zone;
    private volatile MessageSource messages;

    public CliSupport() {
        this(localeOf(System.getenv()), ZoneId.systemDefault());
    }

    public CliSupport(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames(BUNDLES);
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        this.messages = bundles;
    }

    /** French unless PREAU_LANG (or, failing it, LANG) asks for English. */
    public static Locale localeOf(Map<String, String> environment) {
        String lang = environment.getOrDefault("PREAU_LANG", environment.getOrDefault("LANG", "fr"));
        return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** Switches to the application's message source once the context runs (it knows every module's bundles). */
    public void useMessages(MessageSource source) {
        this.messages = source;
    }

    public String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public String t(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    /** A refusal, translated; its arguments (often what was typed) never echo a NUMEN. */
    public String t(UserError error) {
        return masked(error.key(), error.args());
    }

    /**
     * A message whose arguments come from what someone typed or from a file (a NUMEN may sit
     * in the wrong column): anything shaped like a NUMEN is masked in them.
     */
    public String masked(String key, Object... args) {
        Object[] safe = args.clone();
        for (int i = 0; i < safe.length; i++) {
            if (safe[i] instanceof CharSequence text) {
                safe[i] = maskNumens(text.toString());
            }
        }
        return t(key, safe);
    }

    /** A date and time for a table or a detail line, in the administrator's time zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(t("cli.format.date-time"), locale)
                .format(instant.atZone(zone));
    }

    /** The messages in use (for APIs that translate themselves, e.g. opening hours). */
    public MessageSource messages() {
        return messages;
    }

    /** A help desk in one line: phone, opening hours in words, e-mail if any. */
    public String helpDesk(fr.preau.tenancy.HelpDesk desk) {
        String hours;
        try {
            hours = desk.openingHours().describe(locale, messages);
        } catch (IllegalArgumentException unreadable) {
            hours = desk.hours();
        }
        return desk.email() == null
                ? t("cli.help-desk", desk.phone(), hours)
                : t("cli.help-desk-email", desk.phone(), hours, desk.email());
    }

    /** A yes/no answer, translated. */
    public String yesNo(boolean value) {
        return t(value ? "cli.yes" : "cli.no");
    }

    /** The localized usage-help texts for picocli. */
    public ResourceBundle helpBundle() {
        return HelpBundle.load(locale);
    }

    // ---- errors

    /** Execution failures: a refusal is one translated line, anything else one line pointing to the log. */
    public int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = e;
        if (e instanceof UncheckedIOException unchecked) {
            cause = unchecked.getCause();
        }
        if (cause instanceof UserError error) {
            err.println(t(error));
        } else if (cause instanceof IOException io) {
            err.println(maskNumens(t("cli.error.io", io.getClass().getSimpleName(), String.valueOf(io.getMessage()))));
        } else {
            log.error("Admin command failed", e);
            err.println(t("cli.error.unexpected", e.getClass().getSimpleName(), logFile()));
        }
        err.flush();
        return REFUSED;
    }

    /** Bad usage: one translated line (with what to read next) and exit status 2. */
    public int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(maskNumens(usageReason(e)) + " " + t("cli.error.usage", commandLine.getCommandSpec().qualifiedName()));
        err.flush();
        return USAGE;
    }

    private String usageReason(CommandLine.ParameterException e) {
        if (e instanceof UsageRefusal refusal) {
            return refusal.getMessage();
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            List<ArgSpec> args = missing.getMissing();
            String names = args.stream().map(CliSupport::nameOf).collect(Collectors.joining(", "));
            boolean oneOfGroup = args.size() > 1 && args.get(0).group() != null && args.get(0).group().exclusive()
                    && args.stream().allMatch(a -> a.group() == args.get(0).group());
            return t(oneOfGroup ? "cli.usage.missing-one-of" : "cli.usage.missing", names);
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> unknown = unmatched.getUnmatched();
            String first = unknown.isEmpty() ? "" : unknown.get(0);
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty()
                    ? t("cli.usage.unknown", first)
                    : t("cli.usage.unknown-suggest", first, String.join(", ", suggestions));
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            return t("cli.usage.repeated", nameOf(overwritten.getOverwritten()));
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            // picocli's text reads "--a=A, --b=B are mutually exclusive": keep the option names only
            Matcher names = Pattern.compile("--[a-z][a-z-]*").matcher(e.getMessage());
            List<String> options = new java.util.ArrayList<>();
            while (names.find()) {
                if (!options.contains(names.group())) {
                    options.add(names.group());
                }
            }
            return t("cli.usage.exclusive", String.join(", ", options));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return t("cli.usage.invalid-value", nameOf(e.getArgSpec()), e.getValue());
        }
        return e.getMessage();
    }

    private static String nameOf(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg.paramLabel();
    }

    /** Replaces anything that looks like a NUMEN with its masked form, so no message ever echoes one. */
    public static String maskNumens(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = NUMEN_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(Numen.mask(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Where the command line writes its log (unexpected errors are detailed there). */
    public static String logFile() {
        return System.getProperty("preau.cli.log", "admin.log");
    }

    /** Bad usage detected by a command itself (e.g. nothing to change): exit status 2. */
    public static final class UsageRefusal extends CommandLine.ParameterException {
        public UsageRefusal(CommandLine commandLine, String message) {
            super(commandLine, message);
        }
    }
}
