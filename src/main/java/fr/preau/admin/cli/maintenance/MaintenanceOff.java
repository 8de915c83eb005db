package fr.preau.admin.cli.maintenance;

import fr.preau.admin.cli.CliCommand;
import fr.preau.platform.AuditLog;
import fr.preau.platform.Maintenance;
import picocli.CommandLine.Command;

/** {@code preau admin maintenance off}: removes the banner and opens logins again. */
@Command(name = "off")
public class MaintenanceOff extends CliCommand {

    @Override
    public Integer call() {
        Maintenance maintenance = bean(Maintenance.class);
        AuditLog audit = bean(AuditLog.class);
        if (!maintenance.status().active()) {
            say("cli.maintenance.already-off");
            return 0;
        }
        maintenance.set(Maintenance.Mode.OFF, null, null);
        audit.record(AuditLog.Entry.of(cli.actor(), "MAINTENANCE_OFF"));
        say("cli.maintenance.off");
        return 0;
    }
}
