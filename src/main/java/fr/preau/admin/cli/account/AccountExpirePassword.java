package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin account expire-password LOGIN}: the agent must choose a new password at the next login. */
@Command(name = "expire-password")
public class AccountExpirePassword extends CliCommand {

    @Parameters(paramLabel = "LOGIN", descriptionKey = "login")
    String login;

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        Account a = accounts.expirePassword(cli.actor(), login);
        say("cli.account.password-expired", a.login());
        return 0;
    }
}
