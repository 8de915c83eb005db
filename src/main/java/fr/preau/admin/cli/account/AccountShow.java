package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin account show LOGIN}: everything about an account but its secrets. */
@Command(name = "show")
public class AccountShow extends CliCommand {

    @Parameters(paramLabel = "LOGIN", descriptionKey = "login")
    String login;

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        Tenancy tenancy = bean(Tenancy.class);
        Clock clock = bean(Clock.class);
        Account a = accounts.find(login).orElseThrow(() -> refuse("account.error.unknown", login));
        Establishment e = tenancy.establishment(a.establishmentId());
        String establishment = cli.t("cli.account.establishment", e.name(), e.city(), e.uai());
        AccountView.printDetails(cli, a, establishment, tenancy.academy(a.academyId()).name(),
                accounts.activationCodeExpiry(a.id()), clock, out());
        return 0;
    }
}
