package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin account reactivate LOGIN}: lifts a suspension (back to active, or pending if never activated). */
@Command(name = "reactivate")
public class AccountReactivate extends CliCommand {

    @Parameters(paramLabel = "LOGIN", descriptionKey = "login")
    String login;

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        Account a = accounts.reactivate(cli.actor(), login);
        say("cli.account.reactivated", a.login(), AccountView.status(cli, a.status()));
        return 0;
    }
}
