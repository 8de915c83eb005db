package fr.preau.admin.cli.maintenance;

import fr.preau.admin.cli.CliCommand;
import fr.preau.platform.AuditLog;
import fr.preau.platform.Maintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code preau admin maintenance on --message-fr TEXT [--message-en TEXT] [--close-logins]}:
 * a banner on every page; with --close-logins, logins are refused too (administrators excepted).
 */
@Command(name = "on")
public class MaintenanceOn extends CliCommand {

    @Option(names = "--message-fr", required = true, paramLabel = "TEXT")
    String messageFr;

    @Option(names = "--message-en", paramLabel = "TEXT")
    String messageEn;

    @Option(names = "--close-logins")
    boolean closeLogins;

    @Override
    public Integer call() {
        Maintenance maintenance = bean(Maintenance.class);
        AuditLog audit = bean(AuditLog.class);
        if (messageFr.isBlank()) {
            throw usage("cli.maintenance.message-required");
        }
        Maintenance.Mode mode = closeLogins ? Maintenance.Mode.CLOSED : Maintenance.Mode.BANNER;
        maintenance.set(mode, messageFr.strip(), messageEn == null ? "" : messageEn.strip());
        audit.record(AuditLog.Entry.of(cli.actor(), "MAINTENANCE_ON").details("mode=" + mode.name()));
        say(closeLogins ? "cli.maintenance.closed" : "cli.maintenance.banner");
        MaintenanceView.print(cli, maintenance.status(), out());
        return 0;
    }
}
