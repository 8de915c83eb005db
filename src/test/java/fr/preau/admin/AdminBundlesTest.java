package fr.preau.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.admin.cli.CliSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The admin texts are complete: French and English bundles have the same keys, MessageFormat
 * quoting is right, every key the code uses exists, and every command and option of
 * {@code preau admin} has its help text in both languages.
 */
class AdminBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @ValueSource(strings = {"i18n/admin", "i18n/admin-help"})
    void frenchAndEnglishHaveTheSameKeys(String basename) throws IOException {
        assertThat(load(basename + "_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load(basename + ".properties").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/admin.properties", "i18n/admin_en.properties"})
    void apostrophesAreQuotedOnlyWhereMessageFormatApplies(String file) throws IOException {
        Properties messages = load(file);
        List<String> wrong = new ArrayList<>();
        for (String key : messages.stringPropertyNames()) {
            String value = messages.getProperty(key);
            boolean formatted = ARGUMENT.matcher(value).find();
            if (formatted && LONE_QUOTE.matcher(value).find()) {
                wrong.add(key + " (single ' in a message with arguments)");
            }
            if (!formatted && value.contains("''")) {
                wrong.add(key + " ('' in a message without arguments)");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyMessageKeyUsedExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:cli|account\\.error|import\\.error)\\.[a-z0-9.-]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte/admin"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                Matcher m = literal.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // built from enums in the views, as AccountView and MaintenanceView do
        for (var status : fr.preau.identity.AccountStatus.values()) {
            used.add("cli.status." + status.name().toLowerCase(Locale.ROOT));
        }
        for (var role : fr.preau.identity.Role.values()) {
            used.add("cli.role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        for (var choice : fr.preau.identity.InterfaceChoice.values()) {
            used.add("cli.interface." + choice.name().toLowerCase(Locale.ROOT));
        }
        for (var mode : fr.preau.platform.Maintenance.Mode.values()) {
            used.add("cli.maintenance.mode." + mode.name().toLowerCase(Locale.ROOT));
        }
        // the identity module's errors, which the commands show, live in its own bundle
        Set<String> defined = new TreeSet<>(load("i18n/admin.properties").stringPropertyNames());
        defined.addAll(load("i18n/identity.properties").stringPropertyNames());
        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(defined).as("key %s", key).contains(key));
    }

    @Test
    void everyImportColumnHasAName() throws IOException {
        Set<String> defined = load("i18n/admin.properties").stringPropertyNames();
        for (String column : List.of("last-name", "first-name", "numen", "role", "uai", "backup-email", "mobile")) {
            assertThat(defined).contains("cli.import.column." + column);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyCommandAndOptionIsDescribed(String language) {
        CommandLine root = AdminCli.commandLine(new CliSupport(Locale.of(language), ZoneOffset.UTC));
        List<String> missing = new ArrayList<>();
        walk(root, missing);
        assertThat(missing).isEmpty();
    }

    private static void walk(CommandLine commandLine, List<String> missing) {
        CommandSpec spec = commandLine.getCommandSpec();
        String name = spec.qualifiedName();
        if (String.join("", spec.usageMessage().description()).isBlank()) {
            missing.add(name + " (description)");
        }
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
            if (String.join("", arg.description()).isBlank()) {
                missing.add(name + " " + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName()
                        : arg.paramLabel()));
            }
        }
        commandLine.getSubcommands().values().forEach(sub -> walk(sub, missing));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AdminBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
