package fr.preau.admin.cli;

/**
 * A command with something to do before Préau starts (a few seconds): ask for what must be
 * typed without echo (a NUMEN), check the files it will write, so that the question or the
 * refusal comes at once. Runs after parsing, without the Spring context.
 */
public interface BeforeStart {

    /** Asks or checks; throws {@link fr.preau.platform.UserError} to refuse (exit status 1). */
    void beforeStart(CliSupport cli, Terminal terminal);
}
