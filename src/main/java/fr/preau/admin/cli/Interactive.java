package fr.preau.admin.cli;

/**
 * A command that may need to ask the administrator something (a NUMEN typed without echo)
 * before Préau starts, so that the question comes at once rather than after the start-up.
 */
public interface Interactive {

    /** Asks what is missing; throws {@link fr.preau.platform.UserError} if it cannot be asked. */
    void prompt(CliSupport cli, Terminal terminal);
}
