package fr.preau.admin.cli.maintenance;

import fr.preau.admin.cli.CliCommand;
import fr.preau.platform.AuditLog;
import fr.preau.platform.Maintenance;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;

/** {@code preau admin maintenance off}: removes the banner and opens logins again. */
@Command(name = "off")
public class MaintenanceOff extends CliCommand {

    @Autowired
    Maintenance maintenance;

    @Autowired
    AuditLog audit;

    @Override
    public Integer call() {
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
