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
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
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
 * the database); once Préau runs, {@link #attach} gives it the application, whose message
 * source it then uses and whose APIs commands get through {@link #bean}.
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
    private volatile ApplicationContext application;

    public CliSupport() {
        this(localeOf(System.getenv()), ZoneId.systemDefault());
    }

    public CliSupport(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.messages = bundles();
    }

    private static MessageSource bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames(BUNDLES);
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    /** French unless PREAU_LANG (or, failing it, LANG) asks for English. */
    public static Locale localeOf(Map<String, String> environment) {
        String lang = environment.getOrDefault("PREAU_LANG", environment.getOrDefault("LANG", "fr"));
        return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** Once Préau runs: its APIs for the commands, its message source (it knows every module's bundles). */
    public void attach(ApplicationContext running) {
        this.application = running;
        this.messages = running;
    }

    /** Back to the command line's own messages (the application is closing). */
    public void detach() {
        this.application = null;
        this.messages = bundles();
    }

    /** A bean of the running application (a module's API). */
    public <T> T bean(Class<T> type) {
        if (application == null) {
            throw new IllegalStateException("Préau is not started");
        }
        return application.getBean(type);
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
        } else if (cause instanceof DataIntegrityViolationException conflict) {
            // e.g. two administrators giving the same identifiant at the same moment: rolled back
            log.warn("Admin command refused by the database", conflict);
            err.println(t("cli.error.conflict"));
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
