package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preau admin account suspend LOGIN [--reason TEXT]}: refuses logins and ends open sessions. */
@Command(name = "suspend")
public class AccountSuspend extends CliCommand {

    @Parameters(paramLabel = "LOGIN", descriptionKey = "login")
    String login;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        Account a = accounts.suspend(cli.actor(), login, reason);
        say("cli.account.suspended", a.login());
        return 0;
    }
}
