package fr.preau.admin.cli.sms;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Table;
import fr.preau.identity.Contacts;
import fr.preau.identity.SmsOutbox;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code preau admin sms outbox [--to NUMBER] [--limit N]}: the text messages the default gateway
 * kept instead of sending them (recovery and verification codes), newest first. With an operator
 * configured ({@code preau.sms.mode=http}) the outbox stays empty.
 */
@Command(name = "outbox")
public class SmsOutboxList extends CliCommand {

    @Option(names = "--to", paramLabel = "NUMBER")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw usage("cli.usage.limit", 1, 1000);
        }
        String number = null;
        if (to != null && !to.isBlank()) {
            number = Contacts.mobile(to).orElseThrow(() -> refuse("cli.sms.bad-number", to));
        }
        List<SmsOutbox.Sms> messages = bean(SmsOutbox.class).latest(number, limit);
        if (messages.isEmpty()) {
            say("cli.sms.none");
            return 0;
        }
        Table table = new Table(cli.t("cli.sms.column.sent-at"), cli.t("cli.sms.column.to"), cli.t("cli.sms.column.text"));
        for (SmsOutbox.Sms sms : messages) {
            table.row(cli.dateTime(sms.createdAt()), Contacts.displayMobile(sms.recipient()), sms.body());
        }
        table.print(out());
        return 0;
    }
}
