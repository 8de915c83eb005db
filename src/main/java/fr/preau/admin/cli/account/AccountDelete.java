package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preau admin account delete LOGIN --yes}: deletes for good; without --yes, says what would go. */
@Command(name = "delete")
public class AccountDelete extends CliCommand {

    @Parameters(paramLabel = "LOGIN", descriptionKey = "login")
    String login;

    @Option(names = "--yes")
    boolean yes;

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        Account a = accounts.find(login).orElseThrow(() -> refuse("account.error.unknown", login));
        if (!yes) {
            throw refuse("cli.account.delete-confirm", a.login(), a.displayName(), a.email());
        }
        accounts.delete(cli.actor(), a.login());
        say("cli.account.deleted", a.login(), a.email());
        return 0;
    }
}
