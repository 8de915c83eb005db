package fr.preau.delivery.internal.smtp;

/** What {@link SmtpHandler#authenticate} decided. */
public sealed interface AuthResult {

    /** Accepted; {@code user} is the canonical name the session is then authenticated as. */
    record Success(String user) implements AuthResult {
        public Success {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("an authenticated user has a name");
            }
        }
    }

    /** Wrong user name or password, or an account that may not send: {@code 535 5.7.8}. */
    record Failure() implements AuthResult {}

    /** Cannot tell now (database down, throttled): {@code 454 4.7.0}, the client tries later. */
    record TemporaryFailure() implements AuthResult {}

    static AuthResult success(String user) {
        return new Success(user);
    }

    static AuthResult failure() {
        return new Failure();
    }

    static AuthResult temporaryFailure() {
        return new TemporaryFailure();
    }
}
