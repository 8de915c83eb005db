package fr.preau.admin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The usage-help texts of {@code preau admin} ({@code i18n/admin-help*.properties}) as picocli
 * wants them. Picocli looks a command's texts up under its qualified name, whose root is
 * {@code "preau admin"} (with a space); the bundle files write that root as {@code admin}
 * (e.g. {@code admin.account.create.usage.description}), and this class maps one to the other.
 * Texts are picocli format strings: {@code %n} is a line break and a percent sign is written
 * {@code %%}.
 */
final class HelpBundle extends ResourceBundle {

    static final String BASENAME = "i18n/admin-help";
    private static final String FILE_ROOT = "admin.";
    private static final String COMMAND_ROOT = AdminCommand.NAME + ".";

    private final Map<String, String> texts;

    private HelpBundle(Map<String, String> texts) {
        this.texts = texts;
    }

    /** The French texts, overlaid with the English ones when English is asked for. */
    static HelpBundle load(Locale locale) {
        Map<String, String> texts = new HashMap<>();
        read(BASENAME + ".properties", texts);
        if ("en".equals(locale.getLanguage())) {
            read(BASENAME + "_en.properties", texts);
        }
        return new HelpBundle(texts);
    }

    /** The raw keys of one language file, as written in it (for the completeness test). */
    static Set<String> fileKeys(Locale locale) {
        Map<String, String> texts = new HashMap<>();
        read(BASENAME + ("en".equals(locale.getLanguage()) ? "_en" : "") + ".properties", texts);
        return texts.keySet();
    }

    private static void read(String resource, Map<String, String> into) {
        try (InputStream in = HelpBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String key : properties.stringPropertyNames()) {
                String mapped = key.startsWith(FILE_ROOT) ? COMMAND_ROOT + key.substring(FILE_ROOT.length()) : key;
                into.put(mapped, properties.getProperty(key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
    }

    @Override
    protected Set<String> handleKeySet() {
        return texts.keySet();
    }

    @Override
    public String getBaseBundleName() {
        return BASENAME;
    }
}
