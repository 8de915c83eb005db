package fr.preau.identity.web;

import fr.preau.identity.PasswordPolicy;
import fr.preau.identity.Recovery;
import fr.preau.platform.web.FieldErrors;
import java.util.List;

/**
 * The recovery pages' models. Before the agent proved who they are, a model holds only what the
 * visitor typed and what is the same for every account: never whether the account exists.
 */
public final class RecoveryPage {

    /** {@code /recovery}: the identifiant, and the other ways out. {@code notice}: why we are back here. */
    public record Start(String identifier, FieldErrors errors, String notice, boolean captcha, String captchaStamp) {}

    /** {@code /recovery/method}: the methods, all of them, for the identifiant typed. */
    public record Method(String identifier, Recovery.Method chosen, FieldErrors errors) {}

    /**
     * {@code /recovery/code}: the code sent (or that the visitor says they have); {@code needsNewCode}
     * when the code is dead, expired or used: only a new one helps then.
     */
    public record Code(String identifier, Recovery.Method method, boolean sent, long validityMinutes, String code,
                       FieldErrors errors, boolean needsNewCode) {}

    /** {@code /recovery/questions}: the agent's own questions, after the code. */
    public record Questions(String login, List<Question> questions, int attemptsLeft, FieldErrors errors) {}

    /** One question: its bundle key, the field's name and what was typed. */
    public record Question(String key, String name, String answer) {}

    /** {@code /recovery/password}: the new password, with the policy and the meter ({@code steps}: 0 after a link). */
    public record Password(String displayName, String login, String maskedTarget, int steps, FieldErrors errors,
                           PasswordPolicy.Evaluation evaluation) {}

    /** {@code /recovery/link/…}: what the link is worth, and for a good one the button that uses it. */
    public record Link(String token, LinkState state, String login, long retryMinutes) {}

    public enum LinkState { VALID, EXPIRED, USED, UNKNOWN, LIMITED }

    /** {@code /forgot-identifier}: NUMEN and contact, or the answer once sent. */
    public record ForgotIdentifier(String numen, String contact, FieldErrors errors, boolean done, boolean captcha,
                                   String captchaStamp) {}

    private RecoveryPage() {}
}
