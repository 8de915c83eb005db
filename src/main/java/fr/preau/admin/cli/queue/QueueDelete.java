package fr.preau.admin.cli.queue;

import fr.preau.admin.cli.CliCommand;
import fr.preau.delivery.MailQueue;
import fr.preau.delivery.QueuedMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin queue delete ID}: removes a message from the queue; its sender is not told. */
@Command(name = "delete")
public class QueueDelete extends CliCommand {

    @Parameters(paramLabel = "ID", descriptionKey = "id")
    long id;

    @Override
    public Integer call() {
        MailQueue queue = bean(MailQueue.class);
        QueuedMessage message = queue.find(id).orElseThrow(() -> refuse("cli.queue.unknown", id));
        long pending = message.recipients().stream().filter(r -> r.status().pending()).count();
        if (!queue.cancel(cli.actor(), id)) {
            throw refuse("cli.queue.unknown", id);
        }
        say("cli.queue.deleted", id, pending);
        return 0;
    }
}
