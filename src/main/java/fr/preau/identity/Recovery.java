package fr.preau.identity;

import fr.preau.identity.internal.AccountRepository;
import fr.preau.identity.internal.Masks;
import fr.preau.identity.internal.OneTimeCodes;
import fr.preau.identity.internal.RecoveryBackground;
import fr.preau.identity.internal.RecoveryProperties;
import fr.preau.identity.internal.RecoverySender;
import fr.preau.platform.AuditLog;
import fr.preau.platform.Durability;
import fr.preau.platform.RateLimits;
import fr.preau.platform.SecretKeys;
import fr.preau.platform.UserError;
import fr.preau.platform.web.ClientInfo;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "Mot de passe oublié" without the help desk: the agent names the account (identifiant or
 * académie address) and a method, receives a code (and, by e-mail, a link) on a verified contact,
 * proves it, and chooses a new password through {@link PasswordChanges#reset}.
 *
 * <p>Nothing a visitor sees depends on whether the account exists or has the method set up
 * (docs/adr/0024): a request is answered "if an account matches, a code was sent" and the sending
 * happens in the background; a code typed for an account that received none is "wrong" with the
 * same count of tries left as a real one. Only the right code tells more (expired, already used).
 * Limits: per client address and per typed identifier (in memory, the same for every identifier),
 * per account (in the database, whatever the method), and a few wrong tries per code.
 */
@Service
public class Recovery {

    /** How the agent proves who they are. */
    public enum Method { EMAIL, SMS, QUESTIONS }

    /** The path of the page a reset link opens (self-service or help desk), followed by the token. */
    public static final String LINK_PATH = PasswordResetLinks.LINK_PATH;

    /**
     * The account a recovery is for, as typed: {@code accountId} is null when no active account
     * matches. Kept in the visitor's session, never shown.
     */
    public record Claim(Long accountId, String identifier) implements Serializable {}

    /** The answer to a request for a code or a reminder. */
    public sealed interface Request {
        /** Taken: if an account matches, the message is on its way. */
        record Accepted() implements Request {}
        /** Too many requests from this address or for this identifiant: wait. */
        record Limited(Duration retryAfter) implements Request {}
    }

    /** What checking a typed code came to. */
    public sealed interface CodeCheck {
        /** The right code, now used: the agent proved they hold the contact ({@code target}, masked). */
        record Accepted(long accountId, String maskedTarget) implements CodeCheck {}
        record Wrong(int attemptsLeft) implements CodeCheck {}
        /** Too many wrong tries: the code no longer works, a new one must be asked for. */
        record Dead() implements CodeCheck {}
        record Expired() implements CodeCheck {}
        record Used() implements CodeCheck {}
        record Limited(Duration retryAfter) implements CodeCheck {}
    }

    /** What a reset link is worth. */
    public sealed interface LinkCheck {
        /** {@code proof}: how the audit names it ({@code email-link} or {@code help-desk-link}). */
        record Valid(long accountId, String proof) implements LinkCheck {}
        record Expired() implements LinkCheck {}
        record Used() implements LinkCheck {}
        record Unknown() implements LinkCheck {}
        record Limited(Duration retryAfter) implements LinkCheck {}
    }

    private static final Duration HOUR = Duration.ofHours(1);

    private final AccountRepository accounts;
    private final OneTimeCodes codes;
    private final RecoveryProperties properties;
    private final RecoverySender sender;
    private final RecoveryBackground background;
    private final PasswordChanges passwordChanges;
    private final SecurityQuestions questions;
    private final RateLimits rateLimits;
    private final SecretKeys keys;
    private final AuditLog audit;
    private final Durability durability;
    private final RateLimits.Limit requestsPerIp;
    private final RateLimits.Limit requestsPerIdentifier;
    private final RateLimits.Limit checksPerIp;

    Recovery(AccountRepository accounts, OneTimeCodes codes, RecoveryProperties properties,
             RecoverySender sender, RecoveryBackground background, PasswordChanges passwordChanges,
             SecurityQuestions questions, RateLimits rateLimits, SecretKeys keys, AuditLog audit, Durability durability) {
        this.accounts = accounts;
        this.codes = codes;
        this.properties = properties;
        this.sender = sender;
        this.background = background;
        this.passwordChanges = passwordChanges;
        this.questions = questions;
        this.rateLimits = rateLimits;
        this.keys = keys;
        this.audit = audit;
        this.durability = durability;
        this.requestsPerIp = new RateLimits.Limit("recovery-ip", properties.perIpPerHour(), HOUR);
        this.requestsPerIdentifier = new RateLimits.Limit("recovery-identifier", properties.perAccountPerHour(), HOUR);
        // typing codes, answers and links: room for a few codes' tries, not for guessing
        this.checksPerIp = new RateLimits.Limit("recovery-check-ip", properties.perIpPerHour() * 2, HOUR);
    }

    /** The account an identifiant or académie address names, if it is active (else an empty claim). */
    public Claim claim(String identifier) {
        String shown = identifier == null ? "" : identifier.strip();
        String typed = shown.toLowerCase(Locale.ROOT);
        Optional<Account> found = typed.isEmpty() ? Optional.empty()
                : accounts.credentials(typed).map(AccountRepository.Credentials::account);
        return new Claim(found.filter(a -> a.status() == AccountStatus.ACTIVE).map(Account::id).orElse(null), shown);
    }

    /** How long the method's code stays valid, for the page and the messages. */
    public Duration validity(Method method) {
        return sender.validity(method);
    }

    /** How many wrong tries a code allows. */
    public int maxAttempts() {
        return properties.maxAttempts();
    }

    /** Sends the method's code if the claimed account has it set up; the answer never says whether it did. */
    public Request requestCode(Claim claim, Method method, ClientInfo client) {
        RateLimits.Verdict ip = rateLimits.tryConsume(requestsPerIp, client.ip());
        if (!ip.allowed()) {
            return new Request.Limited(ip.retryAfter());
        }
        RateLimits.Verdict identifier = rateLimits.tryConsume(requestsPerIdentifier,
                claim.identifier().toLowerCase(Locale.ROOT));
        if (!identifier.allowed()) {
            return new Request.Limited(identifier.retryAfter());
        }
        Long accountId = claim.accountId();
        background.run(() -> {
            // a mail makes the database flush its commits (Durability): without one, flush anyway,
            // so that the work after a request looks the same from outside whatever it found
            if (accountId == null || !sender.sendCode(accountId, method, client)) {
                durability.flushCommits();
            }
        });
        return new Request.Accepted();
    }

    /**
     * Checks a typed code ({@code wrongSoFar}: the wrong tries this visitor already made on the
     * current code). The right one is used at once: it works once, whatever happens next.
     */
    public CodeCheck checkCode(Claim claim, Method method, String typed, int wrongSoFar, ClientInfo client) {
        RateLimits.Verdict verdict = rateLimits.tryConsume(checksPerIp, client.ip());
        if (!verdict.allowed()) {
            return new CodeCheck.Limited(verdict.retryAfter());
        }
        OneTimeCodes.Purpose purpose = purpose(method);
        Long accountId = claim.accountId();
        // an unknown account costs the same look-up and hash as a real one, and is as wrong
        OneTimeCodes.Check check = codes.checkCode(accountId == null ? -1L : accountId, purpose, typed);
        if (accountId == null) {
            keys.hmacHex("one-time-code", purpose.name() + ":-1:" + typed);
        }
        int sessionLeft = properties.maxAttempts() - wrongSoFar - 1;
        return switch (check) {
            case OneTimeCodes.Check.Valid valid -> {
                if (!codes.consume(valid.code().id())) {
                    yield used(accountId, method, client);
                }
                audit.record(AuditLog.Entry.of(login(accountId), "RECOVERY_CODE_ACCEPTED").account(accountId)
                        .client(client.ip(), client.userAgent()).details("method=" + proofName(method)));
                String target = valid.code().target();
                yield new CodeCheck.Accepted(accountId, method == Method.SMS ? Masks.mobile(target) : Masks.email(target));
            }
            // the tries left the page shows come from the visitor's session only, the same for any
            // identifiant: the code's own count (which kills it after too many tries) could lag
            // behind a code being replaced in the background, and tell a real account apart
            case OneTimeCodes.Check.Wrong wrong -> wrong(accountId, method, sessionLeft, client);
            case OneTimeCodes.Check.None none -> wrong(accountId, method, sessionLeft, client);
            case OneTimeCodes.Check.Expired expired -> {
                audit.record(AuditLog.Entry.of(login(accountId), "RECOVERY_CODE_REFUSED").account(accountId)
                        .client(client.ip(), client.userAgent()).details("method=" + proofName(method) + " reason=expired"));
                yield new CodeCheck.Expired();
            }
            case OneTimeCodes.Check.AlreadyUsed used -> used(accountId, method, client);
        };
    }

    private CodeCheck wrong(Long accountId, Method method, int left, ClientInfo client) {
        if (accountId != null) {
            audit.record(AuditLog.Entry.of(login(accountId), "RECOVERY_CODE_WRONG").account(accountId)
                    .client(client.ip(), client.userAgent())
                    .details("method=" + proofName(method) + " attempts-left=" + Math.max(0, left)));
        }
        return left <= 0 ? new CodeCheck.Dead() : new CodeCheck.Wrong(left);
    }

    private CodeCheck used(Long accountId, Method method, ClientInfo client) {
        audit.record(AuditLog.Entry.of(login(accountId), "RECOVERY_CODE_REFUSED").account(accountId)
                .client(client.ip(), client.userAgent()).details("method=" + proofName(method) + " reason=already-used"));
        return new CodeCheck.Used();
    }

    /** What a reset link (self-service or help desk) is worth, without using it. */
    public LinkCheck checkLink(String token) {
        return link(token, false, null);
    }

    /** Uses a reset link: the one visitor that gets {@link LinkCheck.Valid} may set the password. */
    public LinkCheck useLink(String token, ClientInfo client) {
        RateLimits.Verdict verdict = rateLimits.tryConsume(checksPerIp, client.ip());
        if (!verdict.allowed()) {
            return new LinkCheck.Limited(verdict.retryAfter());
        }
        return link(token, true, client);
    }

    private LinkCheck link(String token, boolean use, ClientInfo client) {
        OneTimeCodes.Check check = codes.checkLink(OneTimeCodes.Purpose.RESET_LINK, token);
        String proof = "help-desk-link";
        if (check instanceof OneTimeCodes.Check.None) {
            check = codes.checkLink(OneTimeCodes.Purpose.RESET_EMAIL, token);
            proof = "email-link";
        }
        return switch (check) {
            case OneTimeCodes.Check.Valid valid -> {
                long accountId = valid.code().accountId();
                if (accounts.byId(accountId).map(Account::status).orElse(null) != AccountStatus.ACTIVE) {
                    yield new LinkCheck.Unknown();
                }
                if (!use) {
                    yield new LinkCheck.Valid(accountId, proof);
                }
                if (!codes.consume(valid.code().id())) {
                    yield new LinkCheck.Used();
                }
                audit.record(AuditLog.Entry.of(login(accountId), "RECOVERY_LINK_ACCEPTED").account(accountId)
                        .client(client.ip(), client.userAgent()).details("method=" + proof));
                yield new LinkCheck.Valid(accountId, proof);
            }
            case OneTimeCodes.Check.Expired expired -> new LinkCheck.Expired();
            case OneTimeCodes.Check.AlreadyUsed used -> new LinkCheck.Used();
            default -> new LinkCheck.Unknown();
        };
    }

    /** The keys of the agent's security questions, asked once the e-mail code is proven. */
    public List<String> questionKeys(long accountId) {
        return questions.questionKeys(accountId);
    }

    /** Whether the answers match (normalised, Argon2id); each try is audited and counts towards the address's limit. */
    public AnswersCheck checkAnswers(long accountId, List<String> answers, ClientInfo client) {
        RateLimits.Verdict verdict = rateLimits.tryConsume(checksPerIp, client.ip());
        if (!verdict.allowed()) {
            return new AnswersCheck.Limited(verdict.retryAfter());
        }
        boolean right = questions.matches(accountId, answers);
        audit.record(AuditLog.Entry.of(login(accountId), right ? "RECOVERY_QUESTIONS_PASSED" : "RECOVERY_QUESTIONS_FAILED")
                .account(accountId).client(client.ip(), client.userAgent()));
        return right ? new AnswersCheck.Right() : new AnswersCheck.Wrong();
    }

    /** What checking the answers came to. */
    public sealed interface AnswersCheck {
        record Right() implements AnswersCheck {}
        record Wrong() implements AnswersCheck {}
        record Limited(Duration retryAfter) implements AnswersCheck {}
    }

    /** The account being recovered, once the agent proved who they are (for the password page). */
    public Account account(long accountId) {
        return accounts.byId(accountId).orElseThrow();
    }

    /** The policy the new password must follow (the meter shows it). */
    public PasswordPolicy.Context policyFor(long accountId) {
        return passwordChanges.policyFor(accountId);
    }

    /**
     * Sets the new password of an account whose holder proved who they are ({@code proof}: how, for
     * the audit). Errors by field, empty on success: every session closed, every code and link dead.
     */
    public List<UserError> reset(long accountId, String password, String confirmation, String proof, ClientInfo client) {
        if (accounts.byId(accountId).map(Account::status).orElse(null) != AccountStatus.ACTIVE) {
            return List.of(UserError.of("recovery.error.not-active"));
        }
        return passwordChanges.reset(accountId, password, confirmation, proof, client);
    }

    /** The audit's name of a method. */
    public static String proofName(Method method) {
        return switch (method) {
            case EMAIL -> "email-code";
            case SMS -> "sms-code";
            case QUESTIONS -> "email-code-and-questions";
        };
    }

    private static OneTimeCodes.Purpose purpose(Method method) {
        return switch (method) {
            case EMAIL -> OneTimeCodes.Purpose.RESET_EMAIL;
            case SMS -> OneTimeCodes.Purpose.RESET_SMS;
            case QUESTIONS -> OneTimeCodes.Purpose.RESET_QUESTIONS;
        };
    }

    private String login(Long accountId) {
        return accountId == null ? "?" : accounts.byId(accountId).map(Account::login).orElse("?");
    }
}
