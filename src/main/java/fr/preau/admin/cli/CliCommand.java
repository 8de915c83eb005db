package fr.preau.admin.cli;

import fr.preau.platform.UserError;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every {@code preau admin} leaf command: the shared {@link CliSupport}, the modules'
 * APIs ({@link #bean}), standard output and error, and shorthands for translated lines. A
 * command returns 0 when done and throws {@link UserError} to refuse (one translated line,
 * exit status 1).
 *
 * <p>Commands are made by picocli before Préau starts (so that help and bad usage need no
 * database): they look the modules' APIs up when they run rather than having them injected.
 */
public abstract class CliCommand implements Callable<Integer> {

    protected CliSupport cli;

    /** Called by {@code AdminCli} when it makes the command, before parsing. */
    public void init(CliSupport support) {
        this.cli = support;
    }

    /** A module's API (e.g. {@code Accounts}), from the running application. */
    protected <T> T bean(Class<T> type) {
        return cli.bean(type);
    }

    @Spec
    protected CommandSpec spec;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints one translated line on standard output. */
    protected void say(String key, Object... args) {
        out().println(cli.t(key, args));
    }

    /** Prints one translated line on standard error (warnings). */
    protected void warn(String key, Object... args) {
        err().println(cli.t(key, args));
    }

    protected static UserError refuse(String key, Object... args) {
        return UserError.of(key, args);
    }

    /** Bad usage found after parsing (e.g. nothing to change): exit status 2. */
    protected CliSupport.UsageRefusal usage(String key, Object... args) {
        return new CliSupport.UsageRefusal(spec.commandLine(), cli.t(key, args));
    }
}
