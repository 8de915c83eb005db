package fr.preau.admin.cli.search;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.MailSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin search reindex [ADDRESS]}: queues every message of the account, or of
 * every account, to be indexed again. It never opens the index, which the running server
 * holds: the server applies the queue in the background, or at its next start.
 */
@Command(name = "reindex")
public class SearchReindex extends CliCommand {

    @Parameters(paramLabel = "ADDRESS", descriptionKey = "address", arity = "0..1")
    String address;

    @Override
    public Integer call() {
        MailSearch search = bean(MailSearch.class);
        if (address == null) {
            say("cli.search.reindex.all", search.requestReindex(cli.actor(), null));
        } else {
            Account account = bean(Accounts.class).find(address).orElseThrow(() -> refuse("account.error.unknown", address));
            say("cli.search.reindex.account", search.requestReindex(cli.actor(), account.id()), account.email());
        }
        say("cli.search.reindex.background");
        return 0;
    }
}
