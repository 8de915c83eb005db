package fr.preau.admin.cli.audit;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Table;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.platform.AuditLog;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preau admin audit list [--account LOGIN] [--type TYPE] [--limit N]}: newest events first. */
@Command(name = "list")
public class AuditList extends CliCommand {

    static final int MAX_LIMIT = 10_000;

    @Option(names = "--account", paramLabel = "LOGIN")
    String login;

    @Option(names = "--type", paramLabel = "TYPE")
    String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
        AuditLog audit = bean(AuditLog.class);
        Accounts accounts = bean(Accounts.class);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw usage("cli.usage.limit", 1, MAX_LIMIT);
        }
        String wantedType = type == null || type.isBlank() ? null : type.strip().toUpperCase(Locale.ROOT);
        List<AuditLog.Event> events;
        if (login != null) {
            Account account = accounts.find(login).orElseThrow(() -> refuse("account.error.unknown", login));
            // the account's own history is short: read enough of it to filter by type here
            events = audit.forAccount(account.id(), wantedType == null ? limit : MAX_LIMIT).stream()
                    .filter(e -> wantedType == null || wantedType.equals(e.type()))
                    .limit(limit)
                    .toList();
        } else {
            events = audit.latest(wantedType, limit);
        }
        if (events.isEmpty()) {
            say("cli.audit.none");
            return 0;
        }
        Map<Long, String> logins = new HashMap<>();
        Table table = new Table(cli.t("cli.audit.column.date"), cli.t("cli.audit.column.actor"),
                cli.t("cli.audit.column.type"), cli.t("cli.audit.column.account"), cli.t("cli.audit.column.ip"),
                cli.t("cli.audit.column.details"));
        for (AuditLog.Event e : events) {
            String account = e.accountId() == null ? "" : logins.computeIfAbsent(e.accountId(),
                    id -> accounts.byId(id).map(Account::login).orElse("#" + id));
            table.row(cli.dateTime(e.occurredAt()), e.actor(), e.type(), account, e.ip(), e.details());
        }
        table.print(out());
        return 0;
    }
}
