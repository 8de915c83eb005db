package fr.preau.admin.cli.queue;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Table;
import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedMessage;
import fr.preau.delivery.QueuedRecipient;
import fr.preau.delivery.QueuedRecipient.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code preau admin queue list [--status S[,S]] [--domain D] [--sender ADDRESS] [--limit N]}:
 * one line per recipient, oldest message first; by default what is still to be delivered.
 * Ends with the number of recipients in each state.
 */
@Command(name = "list")
public class QueueList extends CliCommand {

    @Option(names = "--status", paramLabel = "STATUS", split = ",")
    List<Status> statuses;

    @Option(names = "--domain", paramLabel = "DOMAIN")
    String domain;

    @Option(names = "--sender", paramLabel = "ADDRESS")
    String sender;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100")
    int limit;

    @Override
    public Integer call() {
        MailQueue queue = bean(MailQueue.class);
        if (limit < 1 || limit > MailQueue.Filter.MAX_LIMIT) {
            throw usage("cli.usage.limit", 1, MailQueue.Filter.MAX_LIMIT);
        }
        MailQueue.Filter filter = new MailQueue.Filter(
                statuses == null || statuses.isEmpty() ? EnumSet.of(Status.QUEUED, Status.DEFERRED) : EnumSet.copyOf(statuses),
                blankToNull(domain), blankToNull(sender), null, limit);
        List<QueuedMessage> messages;
        try {
            messages = queue.list(filter);
        } catch (IllegalArgumentException badDomain) {
            throw refuse("cli.queue.bad-domain", domain);
        }
        if (messages.isEmpty()) {
            say("cli.queue.none");
        } else {
            Table table = new Table(cli.t("cli.queue.column.id"), cli.t("cli.queue.column.queued-at"),
                    cli.t("cli.queue.column.sender"), cli.t("cli.queue.column.recipient"),
                    cli.t("cli.queue.column.status"), cli.t("cli.queue.column.attempts"),
                    cli.t("cli.queue.column.next-attempt"), cli.t("cli.queue.column.last-reply"));
            for (QueuedMessage m : messages) {
                for (QueuedRecipient r : m.recipients()) {
                    table.row(m.id(), cli.dateTime(m.createdAt()), m.sender() == null ? "<>" : m.sender(), r.address(),
                            status(r.status()), r.attempts(), cli.dateTime(r.nextAttemptAt()), r.lastReply());
                }
            }
            table.print(out());
        }
        Map<Status, Long> counts = queue.counts();
        say("cli.queue.summary", counts.get(Status.QUEUED), counts.get(Status.DEFERRED), counts.get(Status.DELIVERED),
                counts.get(Status.FAILED));
        return 0;
    }

    private String status(Status status) {
        return cli.t(switch (status) {
            case QUEUED -> "cli.queue.status.queued";
            case DEFERRED -> "cli.queue.status.deferred";
            case DELIVERED -> "cli.queue.status.delivered";
            case FAILED -> "cli.queue.status.failed";
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
