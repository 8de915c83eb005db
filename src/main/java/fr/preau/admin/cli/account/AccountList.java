package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Table;
import fr.preau.identity.Account;
import fr.preau.identity.AccountStatus;
import fr.preau.identity.Accounts;
import fr.preau.tenancy.Tenancy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preau admin account list [--academy] [--uai] [--status] [--search] [--limit]}. */
@Command(name = "list")
public class AccountList extends CliCommand {

    static final int MAX_LIMIT = 100_000;

    @Option(names = "--academy", paramLabel = "CODE")
    String academy;

    @Option(names = "--uai", paramLabel = "UAI")
    String uai;

    @Option(names = "--status", paramLabel = "pending|active|suspended")
    String status;

    @Option(names = "--search", paramLabel = "TEXT")
    String search;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
        Accounts accounts = bean(Accounts.class);
        Tenancy tenancy = bean(Tenancy.class);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw usage("cli.usage.limit", 1, MAX_LIMIT);
        }
        AccountStatus wanted = status == null ? null : status(status);
        Long academyId = academy == null ? null
                : tenancy.academy(academy).orElseThrow(() -> refuse("tenancy.error.academy-unknown", academy)).id();
        Long establishmentId = uai == null ? null
                : tenancy.establishment(uai).orElseThrow(() -> refuse("cli.error.establishment-unknown", uai)).id();
        List<Account> found = accounts.list(academyId, establishmentId, wanted, search, limit);
        if (found.isEmpty()) {
            say("cli.account.none");
            return 0;
        }
        Map<Long, String> uais = new HashMap<>();
        Table table = new Table(cli.t("cli.account.column.login"), cli.t("cli.account.column.name"),
                cli.t("cli.account.column.email"), cli.t("cli.account.column.role"), cli.t("cli.account.column.uai"),
                cli.t("cli.account.column.status"));
        for (Account a : found) {
            String accountUai = uais.computeIfAbsent(a.establishmentId(), id -> tenancy.establishment(id).uai());
            table.row(a.login(), a.lastName() + " " + a.firstName(), a.email(), AccountView.role(cli, a.role()),
                    accountUai, AccountView.status(cli, a.status()));
        }
        table.print(out());
        say(found.size() == limit ? "cli.account.count-limited" : "cli.account.count", found.size());
        return 0;
    }

    private AccountStatus status(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "pending" -> AccountStatus.PENDING;
            case "active" -> AccountStatus.ACTIVE;
            case "suspended" -> AccountStatus.SUSPENDED;
            default -> throw usage("cli.usage.invalid-value", "--status", value);
        };
    }
}
