package fr.preau.identity;

import fr.preau.identity.internal.Identifiers;
import fr.preau.platform.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.stereotype.Component;

/**
 * The password policy and strength estimate. Rules (per académie: minimum length; always:
 * upper case, lower case, digit, special character, none of the agent's names or
 * identifiant) plus an estimate of how hard the password is to guess, by nbvcxz with its
 * English word lists and French ones (common words, names, Wikipedia, common French
 * passwords). A password is acceptable when every rule is met and the estimate reaches
 * {@link #MINIMUM_ENTROPY} bits. Feedback comes back as message keys
 * ({@code password.feedback.*}), translated by the pages.
 */
@Component
public class PasswordPolicy {

    /** Bits of estimated entropy required (about 3.5 × 10^13 guesses). */
    public static final double MINIMUM_ENTROPY = 45;
    public static final int MAX_LENGTH = 128;
    /**
     * Only this many characters go through the estimator: its cost grows fast with length
     * (about a second of CPU at 128), and 64 characters that meet the rules are strong anyway.
     */
    static final int ESTIMATED_LENGTH = 64;

    /** What the policy needs to know of the account: the académie's minimum length and the words to refuse. */
    public record Context(int minLength, List<String> personalWords) {
        public static final Context ANONYMOUS = new Context(12, List.of());
    }

    public enum Level { VERY_WEAK, WEAK, FAIR, GOOD, STRONG }

    /** One rule of the policy, met or not, with its message key and arguments. */
    public record Rule(String key, List<Object> args, boolean met) {}

    /**
     * The verdict on a password: each rule, the estimated level (and a 0–100 gauge), nbvcxz's
     * warning and suggestions as message keys, and whether it is acceptable.
     */
    public record Evaluation(List<Rule> rules, Level level, int gauge, String warningKey,
                             List<String> suggestionKeys, boolean acceptable) {
        public boolean empty() {
            return gauge == 0 && level == Level.VERY_WEAK && rules.stream().noneMatch(Rule::met);
        }
    }

    private static final Pattern LOWER = Pattern.compile("\\p{Ll}");
    private static final Pattern UPPER = Pattern.compile("\\p{Lu}");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern SPECIAL = Pattern.compile("[^\\p{L}\\p{Nd}]");

    private CompletableFuture<List<Dictionary>> dictionaries;

    /** Starts loading the word lists in the background (a second or two), so that the first estimate does not wait. */
    public synchronized void warmUp() {
        if (dictionaries == null) {
            dictionaries = CompletableFuture.supplyAsync(PasswordPolicy::loadDictionaries,
                    r -> Thread.ofVirtual().name("password-dictionaries").start(r));
        }
    }

    private List<Dictionary> dictionaries() {
        warmUp();
        return dictionaries.join();
    }

    public Evaluation evaluate(String password, Context context) {
        String pw = password == null ? "" : password;
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("password.rule.length", List.of(context.minLength()), pw.length() >= context.minLength()));
        rules.add(new Rule("password.rule.lower", List.of(), LOWER.matcher(pw).find()));
        rules.add(new Rule("password.rule.upper", List.of(), UPPER.matcher(pw).find()));
        rules.add(new Rule("password.rule.digit", List.of(), DIGIT.matcher(pw).find()));
        rules.add(new Rule("password.rule.special", List.of(), SPECIAL.matcher(pw).find()));
        rules.add(new Rule("password.rule.personal", List.of(), !pw.isEmpty() && !containsPersonal(pw, context)));
        if (pw.isEmpty()) {
            rules.add(new Rule("password.rule.common", List.of(), false));
            return new Evaluation(rules, Level.VERY_WEAK, 0, null, List.of(), false);
        }
        Result result = estimator(context).estimate(pw.length() > ESTIMATED_LENGTH ? pw.substring(0, ESTIMATED_LENGTH) : pw);
        double entropy = result.getEntropy();
        rules.add(new Rule("password.rule.common", List.of(), entropy >= MINIMUM_ENTROPY));
        Feedback feedback = result.getFeedback();
        String warning = feedback.getWarningKey() == null ? null : "password." + feedback.getWarningKey();
        List<String> suggestions = feedback.getSuggestionKeys() == null ? List.of()
                : feedback.getSuggestionKeys().stream().map(k -> "password." + k).toList();
        boolean acceptable = rules.stream().allMatch(Rule::met) && pw.length() <= MAX_LENGTH;
        return new Evaluation(rules, level(entropy), (int) Math.min(100, Math.round(entropy * 100 / 80)),
                warning, acceptable ? List.of() : suggestions, acceptable);
    }

    /**
     * The errors of a new password and its confirmation, field by field ({@code password},
     * {@code confirmation}); empty when the password can be set.
     */
    public List<UserError> check(String password, String confirmation, Context context) {
        List<UserError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(UserError.onField("password", "password.error.missing"));
            return errors;
        }
        if (password.length() > MAX_LENGTH) {
            errors.add(UserError.onField("password", "password.error.too-long", MAX_LENGTH));
            return errors;
        }
        Evaluation evaluation = evaluate(password, context);
        for (Rule rule : evaluation.rules()) {
            if (!rule.met()) {
                errors.add(UserError.onField("password", rule.key() + ".unmet", rule.args().toArray()));
            }
        }
        if (confirmation == null || !confirmation.equals(password)) {
            errors.add(UserError.onField("confirmation", "password.error.confirmation"));
        }
        return errors;
    }

    /** The words an agent's password must not contain: names, identifiant, address. */
    public static Context contextOf(int minLength, Account account) {
        List<String> words = new ArrayList<>();
        words.add(account.lastName());
        words.add(account.firstName());
        words.add(account.login());
        words.add(account.email().substring(0, account.email().indexOf('@')));
        return new Context(minLength, words);
    }

    private static Level level(double entropy) {
        if (entropy < 28) {
            return Level.VERY_WEAK;
        }
        if (entropy < MINIMUM_ENTROPY) {
            return Level.WEAK;
        }
        if (entropy < 60) {
            return Level.FAIR;
        }
        return entropy < 80 ? Level.GOOD : Level.STRONG;
    }

    private static boolean containsPersonal(String password, Context context) {
        String pw = unleet(Identifiers.ascii(password));
        for (String word : context.personalWords()) {
            if (word == null) {
                continue;
            }
            String whole = Identifiers.ascii(word).replaceAll("[^a-z0-9]", "");
            if (whole.length() >= 3 && pw.replaceAll("[^a-z0-9]", "").contains(unleet(whole))) {
                return true;
            }
            for (String part : Identifiers.ascii(word).split("[^a-z0-9]+")) {
                if (part.length() >= 3 && pw.contains(unleet(part))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String unleet(String text) {
        return text.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a').replace('@', 'a')
                .replace('$', 's').replace('5', 's').replace('7', 't').replace('!', 'i');
    }

    private Nbvcxz estimator(Context context) {
        List<Dictionary> all = new ArrayList<>(dictionaries());
        DictionaryBuilder personal = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
        int rank = 1;
        for (String word : context.personalWords()) {
            if (word != null && !word.isBlank()) {
                personal.addWord(Identifiers.ascii(word), rank++);
            }
        }
        all.add(personal.createDictionary());
        Configuration configuration = new ConfigurationBuilder().setDictionaries(all)
                .setMinimumEntropy(MINIMUM_ENTROPY).setMaxLength(ESTIMATED_LENGTH).createConfiguration();
        return new Nbvcxz(configuration);
    }

    private static List<Dictionary> loadDictionaries() {
        List<Dictionary> all = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        all.add(dictionary("passwords-fr", "passwords-extra.txt"));
        all.add(dictionary("common-words-fr", "common-words.txt"));
        all.add(dictionary("first-names-fr", "first-names.txt"));
        all.add(dictionary("surnames-fr", "surnames.txt"));
        all.add(dictionary("wikipedia-fr", "wikipedia.txt"));
        return List.copyOf(all);
    }

    private static Dictionary dictionary(String name, String file) {
        DictionaryBuilder builder = new DictionaryBuilder().setDictionaryName(name).setExclusion(false);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/dictionaries/fr/" + file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int rank = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty()) {
                    builder.addWord(word, rank++);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.createDictionary();
    }
}
