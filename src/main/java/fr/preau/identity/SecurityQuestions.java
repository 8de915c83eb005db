package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.PasswordHasher;
import fr.preau.platform.AuditLog;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's security questions, asked with the backup e-mail code when they recover their
 * account: three different questions from a fixed list (so they are translated), answers
 * normalised (case, accents, punctuation, spaces) and kept only as Argon2id hashes.
 */
@Service
public class SecurityQuestions {

    /** How many questions an agent answers. */
    public static final int COUNT = 3;
    /** The shortest answer, once normalised. */
    public static final int MIN_ANSWER = 3;

    /** The questions an agent may choose: each key has a {@code security-question.<key>} text. */
    public static final List<String> KEYS = List.of("first-school", "childhood-street", "first-pet", "childhood-friend",
            "grandparent-job", "first-concert", "favourite-teacher", "first-car");

    /** One question and its answer, as the agent chose and typed them. */
    public record Choice(String questionKey, String answer) {}

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final SecurityNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    SecurityQuestions(JdbcClient jdbc, AccountRepository accounts, PasswordHasher hasher, SecurityNotices notices,
                      AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.hasher = hasher;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** The keys of the agent's questions, in order; empty when none are set. */
    public List<String> questionKeys(long accountId) {
        return jdbc.sql("select question_key from security_answer where account_id = ? order by position")
                .param(accountId).query(String.class).list();
    }

    /** As {@link #set(long, List, ClientInfo)} from the settings: the current password first. */
    @Transactional
    public List<UserError> set(long accountId, String currentPassword, List<Choice> choices, ClientInfo client) {
        Account account = accounts.byId(accountId).orElseThrow();
        String hash = accounts.credentials(account.login()).map(AccountRepository.Credentials::passwordHash).orElse(null);
        if (currentPassword == null || currentPassword.isEmpty() || hash == null || !hasher.matches(currentPassword, hash)) {
            return List.of(UserError.onField("currentPassword", "password.error.current-wrong"));
        }
        return set(accountId, choices, client);
    }

    /**
     * Replaces the agent's questions. Errors by field ({@code question1..3}, {@code answer1..3});
     * nothing changes unless there are none.
     */
    @Transactional
    public List<UserError> set(long accountId, List<Choice> choices, ClientInfo client) {
        List<UserError> errors = new ArrayList<>();
        var seen = new HashSet<String>();
        for (int i = 0; i < COUNT; i++) {
            Choice choice = i < choices.size() ? choices.get(i) : new Choice(null, null);
            String n = String.valueOf(i + 1);
            if (choice.questionKey() == null || !KEYS.contains(choice.questionKey())) {
                errors.add(UserError.onField("question" + n, "security-questions.error.question-missing"));
            } else if (!seen.add(choice.questionKey())) {
                errors.add(UserError.onField("question" + n, "security-questions.error.question-twice"));
            }
            if (normalize(choice.answer()).length() < MIN_ANSWER) {
                errors.add(UserError.onField("answer" + n, "security-questions.error.answer-short", MIN_ANSWER));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Account account = accounts.byId(accountId).orElseThrow();
        jdbc.sql("delete from security_answer where account_id = ?").param(accountId).update();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < COUNT; i++) {
            jdbc.sql("insert into security_answer (account_id, position, question_key, answer_hash, set_at) values (?, ?, ?, ?, ?)")
                    .params(accountId, i + 1, choices.get(i).questionKey(), hasher.hash(normalize(choices.get(i).answer())), now)
                    .update();
        }
        audit.record(AuditLog.Entry.of(account.login(), "SECURITY_QUESTIONS_SET").account(accountId)
                .client(client.ip(), client.userAgent()));
        notices.changed(accountId, SecurityNotices.Change.SECURITY_QUESTIONS_CHANGED, client);
        return List.of();
    }

    /**
     * Whether every answer matches, in the order of {@link #questionKeys}. Costs one Argon2id
     * check per question whether or not the account has questions (no timing difference).
     */
    public boolean matches(long accountId, List<String> answers) {
        List<String> hashes = jdbc.sql("select answer_hash from security_answer where account_id = ? order by position")
                .param(accountId).query(String.class).list();
        boolean all = hashes.size() == COUNT && answers != null && answers.size() == COUNT;
        for (int i = 0; i < COUNT; i++) {
            String answer = answers != null && i < answers.size() ? normalize(answers.get(i)) : "";
            boolean ok = i < hashes.size() ? hasher.matches(answer, hashes.get(i)) : hasher.matchesNothing(answer);
            all &= ok && answer.length() >= MIN_ANSWER;
        }
        return all;
    }

    /** "  L'École Jules-Ferry " -> "l ecole jules ferry": what is hashed and compared. */
    public static String normalize(String answer) {
        if (answer == null) {
            return "";
        }
        String plain = Normalizer.normalize(answer, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
