package fr.preau.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preau.identity.PasswordPolicy;
import fr.preau.identity.Role;
import fr.preau.identity.web.FirstConnectionPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every user-facing text is in the message bundles, in French and English: fails on a key
 * missing in one language, a key used by the code or the templates but absent, a key that
 * nothing uses, and a message that MessageFormat would garble.
 *
 * <p>Keys are found as string literals in {@code src/main/java} and {@code src/main/jte} whose
 * first segment is one of the bundles' namespaces. Keys built at run time are accounted for
 * by {@link #DYNAMIC}: each family is checked against the values it is built from (enum
 * constants, audit types, nbvcxz feedback keys).
 */
class MessageBundlesTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[A-Za-z0-9_-]+)*\\.?)\"");
    private static final Pattern AUDIT_TYPE = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");

    private static Map<String, Properties> french;
    private static Map<String, Properties> english;
    private static Set<String> allKeys;
    private static Set<String> literals;
    private static String javaSources;

    @BeforeAll
    static void load() throws IOException {
        french = new TreeMap<>();
        english = new TreeMap<>();
        for (String basename : basenames()) {
            french.put(basename, properties(basename + ".properties"));
            english.put(basename, properties(basename + "_en.properties"));
        }
        allKeys = french.values().stream().flatMap(p -> p.stringPropertyNames().stream()).collect(Collectors.toCollection(TreeSet::new));
        StringBuilder java = new StringBuilder();
        literals = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(MAIN.resolve("java")), Files.walk(MAIN.resolve("jte")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                if (file.toString().endsWith(".java")) {
                    java.append(text).append('\n');
                }
                Matcher m = LITERAL.matcher(text);
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        javaSources = java.toString();
    }

    private static final Set<String> EDITOR_COMMANDS = Set.of("bold", "italic", "underline", "insertUnorderedList",
            "insertOrderedList", "createLink", "removeFormat");
    private static final Set<String> SHORTCUTS = Set.of("j", "k", "o", "x", "r", "a", "f", "c", "e", "s", "u", "delete",
            "slash", "question");

    /** Families of keys built at run time, with the values they are built from. */
    private static final Map<String, Set<String>> DYNAMIC = Map.ofEntries(
            Map.entry("role.", enumNames(Role.values())),
            Map.entry("cli.role.", lowerNames(Role.values())),
            Map.entry("cli.status.", lowerNames(fr.preau.identity.AccountStatus.values())),
            Map.entry("cli.interface.", lowerNames(fr.preau.identity.InterfaceChoice.values())),
            Map.entry("cli.maintenance.mode.", lowerNames(Maintenance.Mode.values())),
            // the fields named by NewAccountChecks' errors, as AccountImport names the columns
            Map.entry("cli.import.column.", Set.of("last-name", "first-name", "numen", "role", "uai", "backup-email", "mobile")),
            Map.entry("password.level.", enumNames(PasswordPolicy.Level.values())),
            Map.entry("activation.outcome.", outcomeKeys()),
            Map.entry("error.", Set.of("400.title", "400.text", "403.title", "403.text", "404.title", "404.text",
                    "405.title", "405.text", "413.title", "413.text", "429.title", "429.text", "500.title",
                    "500.text", "expired.title", "expired.text")),
            Map.entry("mail.folder.", lowerNames(fr.preau.mail.FolderRole.values())),
            Map.entry("security-question.", new java.util.HashSet<>(fr.preau.identity.SecurityQuestions.KEYS)),
            Map.entry("security-notice.change.", enumNames(fr.preau.identity.SecurityNotices.Change.values())),
            Map.entry("webmail.list.sort.", lowerNames(fr.preau.mail.ListOrder.Field.values())),
            Map.entry("webmail.done.", Set.of("read", "unread", "flag", "unflag", "move", "delete", "archive", "spam",
                    "not-spam", "empty-trash")),
            Map.entry("webmail.compose.cmd.", EDITOR_COMMANDS),
            Map.entry("webmail.compose.cmd-symbol.", EDITOR_COMMANDS),
            Map.entry("webmail.shortcut.", SHORTCUTS),
            Map.entry("webmail.shortcut.key.", SHORTCUTS),
            Map.entry("webmail.search.field.", Set.of("q", "from", "to", "subject", "body", "since", "until",
                    "attachment", "unread", "flagged", "folder")));

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        for (String basename : french.keySet()) {
            assertThat(english.get(basename).stringPropertyNames())
                    .as("keys of %s_en.properties", basename)
                    .containsExactlyInAnyOrderElementsOf(french.get(basename).stringPropertyNames());
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new TreeSet<>();
        french.values().forEach(p -> p.stringPropertyNames().forEach(k -> {
            if (!seen.add(k)) {
                duplicates.add(k);
            }
        }));
        assertThat(duplicates).as("keys defined in more than one bundle").isEmpty();
    }

    @Test
    void everyKeyUsedExists() {
        Set<String> namespaces = allKeys.stream().map(k -> k.substring(0, k.indexOf('.') + 1)).collect(Collectors.toSet());
        Set<String> missing = literals.stream()
                .filter(l -> namespaces.stream().anyMatch(l::startsWith))
                .filter(l -> !l.endsWith("."))
                .filter(l -> !allKeys.contains(l))
                .filter(l -> allKeys.stream().noneMatch(k -> k.startsWith(l + ".")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("keys used in code or templates but absent from the bundles").isEmpty();
    }

    @Test
    void everyKeyIsUsed() {
        Set<String> unused = new TreeSet<>();
        for (String key : allKeys) {
            if (literals.contains(key) || dynamicallyUsed(key)) {
                continue;
            }
            unused.add(key);
        }
        assertThat(unused).as("keys that nothing uses").isEmpty();
    }

    @Test
    void everyDynamicFamilyIsComplete() {
        Set<String> expected = new TreeSet<>();
        DYNAMIC.forEach((prefix, suffixes) -> suffixes.forEach(suffix -> expected.add(prefix + suffix)));
        auditTypes().forEach(type -> expected.add("event." + type));
        for (String key : allKeys) {
            if (key.startsWith("password.rule.") && !key.endsWith(".unmet") && !key.equals("password.rule.met")
                    && !key.equals("password.rule.unmet")) {
                expected.add(key + ".unmet");
            }
        }
        nbvcxzFeedbackKeys().forEach(k -> expected.add("password." + k));
        expected.removeAll(allKeys);
        assertThat(expected).as("keys built at run time (enums, audit types, nbvcxz feedback) but absent").isEmpty();
    }

    @Test
    void messagesAreValidMessageFormats() {
        for (Map<String, Properties> language : List.of(french, english)) {
            language.values().forEach(p -> p.stringPropertyNames().forEach(key -> {
                String text = p.getProperty(key);
                assertThat(text).as(key).isNotBlank();
                if (text.matches("(?s).*\\{\\d.*")) {
                    // with arguments the text goes through MessageFormat: a lone ' would swallow the rest
                    assertThat(text.replace("''", "")).as("%s: write '' for an apostrophe", key).doesNotContain("'");
                    new MessageFormat(text);
                }
            }));
        }
    }

    @Test
    void dateAndTimePatternsAreValid() {
        for (Map<String, Properties> language : List.of(french, english)) {
            language.values().forEach(p -> p.stringPropertyNames().stream().filter(k -> !k.contains(".error.")
                    && (k.endsWith("-format") || k.contains(".format."))).forEach(key -> {
                String pattern = p.getProperty(key);
                // quoted literals use the ASCII apostrophe: a typographic one would be printed as such
                assertThat(pattern).as(key).doesNotContain("’");
                assertThat(java.time.format.DateTimeFormatter.ofPattern(pattern)
                        .format(java.time.LocalDateTime.of(2026, 12, 23, 16, 5))).as(key).contains("23");
            }));
        }
    }

    private static boolean dynamicallyUsed(String key) {
        for (var family : DYNAMIC.entrySet()) {
            if (key.startsWith(family.getKey()) && family.getValue().contains(key.substring(family.getKey().length()))) {
                return true;
            }
        }
        if (key.startsWith("event.")) {
            return auditTypes().contains(key.substring("event.".length()));
        }
        if (key.startsWith("password.rule.") && key.endsWith(".unmet")) {
            return literals.contains(key.substring(0, key.length() - ".unmet".length()));
        }
        if (key.startsWith("password.feedback.")) {
            return nbvcxzFeedbackKeys().contains(key.substring("password.".length()));
        }
        return false;
    }

    /** The event types written to the audit log: upper-case literals in the arguments of {@code Entry.of(...)}. */
    private static Set<String> auditTypes() {
        Set<String> types = new TreeSet<>();
        int from = 0;
        while ((from = javaSources.indexOf("Entry.of(", from)) >= 0) {
            int depth = 0;
            int end = from + "Entry.of".length();
            do {
                char c = javaSources.charAt(end++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } while (depth > 0);
            Matcher m = AUDIT_TYPE.matcher(javaSources.substring(from, end));
            while (m.find()) {
                types.add(m.group(1));
            }
            from = end;
        }
        return types;
    }

    private static Set<String> nbvcxzFeedbackKeys() {
        Properties feedback = new Properties();
        try (InputStream in = me.gosimple.nbvcxz.Nbvcxz.class.getResourceAsStream("/feedback.properties")) {
            feedback.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return feedback.stringPropertyNames();
    }

    private static Set<String> outcomeKeys() {
        Set<String> keys = new HashSet<>();
        for (var kind : FirstConnectionPage.Outcome.Kind.values()) {
            keys.add(kind.name() + ".title");
            keys.add(kind.name() + ".text");
        }
        return keys;
    }

    private static Set<String> lowerNames(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toSet());
    }

    private static Set<String> enumNames(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static List<String> basenames() throws IOException {
        String yaml = Files.readString(MAIN.resolve("resources/application.yml"));
        Matcher m = Pattern.compile("basename: (.+)").matcher(yaml);
        assertThat(m.find()).isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
    }

    private static Properties properties(String name) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(MAIN.resolve("resources").resolve(name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
