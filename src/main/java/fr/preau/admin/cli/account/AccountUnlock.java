package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin account unlock LOGIN}: lifts a temporary lock after failed logins. */
@Command(name = "unlock")
public class AccountUnlock extends CliCommand {

    @Parameters(paramLabel = "LOGIN", descriptionKey = "login")
    String login;

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        Account a = accounts.find(login).orElseThrow(() -> refuse("account.error.unknown", login));
        accounts.unlock(cli.actor(), a.login());
        say("cli.account.unlocked", a.login());
        return 0;
    }
}
