package fr.preau.admin.cli.queue;

import fr.preau.admin.cli.CliCommand;
import fr.preau.delivery.MailQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin queue retry ID} or {@code --all}: the pending recipients of one message,
 * or every deferred recipient, are due now; the server sends them on its next pass.
 */
@Command(name = "retry")
public class QueueRetry extends CliCommand {

    @Parameters(paramLabel = "ID", descriptionKey = "id", arity = "0..1")
    Long id;

    @Option(names = "--all")
    boolean all;

    @Override
    public Integer call() {
        if ((id == null) == !all) {
            throw usage("cli.queue.retry-usage");
        }
        MailQueue queue = bean(MailQueue.class);
        if (all) {
            say("cli.queue.retried-all", queue.retryAllDeferred(cli.actor()));
        } else {
            int due = queue.retry(cli.actor(), id);
            if (due == 0) {
                throw refuse("cli.queue.nothing-to-retry", id);
            }
            say("cli.queue.retried", id, due);
        }
        say("cli.queue.next-pass");
        return 0;
    }
}
