package fr.preau.admin.cli.mailbox;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Sizes;
import fr.preau.admin.cli.Table;
import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedMessage;
import fr.preau.delivery.QueuedRecipient;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.Folder;
import fr.preau.mail.MailFolders;
import fr.preau.mail.MailQuotas;
import fr.preau.mail.QuotaUsage;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin mailbox status ADDRESS}: folders with message, unseen and size counts, and the quota used. */
@Command(name = "status")
public class MailboxStatus extends CliCommand {

    @Parameters(paramLabel = "ADDRESS", descriptionKey = "address")
    String address;

    @Override
    public Integer call() {
        Account account = bean(Accounts.class).find(address).orElseThrow(() -> refuse("account.error.unknown", address));
        List<Folder> folders = bean(MailFolders.class).list(account.id());
        QuotaUsage usage = bean(MailQuotas.class).usage(account.id());
        say("cli.mailbox.title", account.email(), account.login(), account.displayName());
        say("cli.mailbox.quota", Sizes.human(usage.usedBytes(), cli.locale()), usage.limitMegabytes(), usage.percent(),
                usage.messages());
        Table table = new Table(cli.t("cli.mailbox.column.folder"), cli.t("cli.mailbox.column.messages"),
                cli.t("cli.mailbox.column.unseen"), cli.t("cli.mailbox.column.size"));
        for (Folder f : folders) {
            String label = f.role() != null ? cli.t(f.role().labelKey()) + " (" + f.name() + ")" : f.name();
            table.row("  ".repeat(f.depth()) + label, f.messages(), f.unseen(), Sizes.human(f.size(), cli.locale()));
        }
        table.print(out());
        List<QueuedMessage> queued = bean(MailQueue.class).list(MailQueue.Filter.all().account(account.id()));
        long pending = queued.stream().flatMap(m -> m.recipients().stream())
                .filter(r -> r.status() == QueuedRecipient.Status.QUEUED || r.status() == QueuedRecipient.Status.DEFERRED).count();
        long failed = queued.stream().flatMap(m -> m.recipients().stream())
                .filter(r -> r.status() == QueuedRecipient.Status.FAILED).count();
        long delivered = queued.stream().flatMap(m -> m.recipients().stream())
                .filter(r -> r.status() == QueuedRecipient.Status.DELIVERED).count();
        say("cli.mailbox.outbound", pending, delivered, failed);
        return 0;
    }
}
