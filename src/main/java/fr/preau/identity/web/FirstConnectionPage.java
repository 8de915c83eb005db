package fr.preau.identity.web;

import fr.preau.identity.PasswordPolicy;
import fr.preau.platform.web.FieldErrors;
import fr.preau.tenancy.Department;
import java.time.Instant;

/** The first-connection pages' model. */
public final class FirstConnectionPage {

    /** Step one: identifiant and activation code (or NUMEN). */
    public record Proof(String identifier, FieldErrors errors, Outcome outcome, boolean captcha, String captchaStamp) {}

    /** Why step one did not go through, with what the agent needs (help desk, end of lock). */
    public record Outcome(Kind kind, Instant until, long minutes, Department department) {
        public enum Kind { LOCKED, CODE_EXPIRED, NUMEN_NOT_ALLOWED, ALREADY_ACTIVE, SUSPENDED, RATE_LIMITED }
    }

    /** Step two: new password, backup address and mobile. */
    public record Password(String displayName, String login, String backupEmail, String mobile, FieldErrors errors,
                           PasswordPolicy.Evaluation evaluation) {}

    private FirstConnectionPage() {}
}
