package fr.preau.admin.cli.maintenance;

import fr.preau.admin.cli.CliCommand;
import fr.preau.platform.Maintenance;
import picocli.CommandLine.Command;

/** {@code preau admin maintenance status}. */
@Command(name = "status")
public class MaintenanceStatus extends CliCommand {

    @Override
    public Integer call() {
        Maintenance maintenance = bean(Maintenance.class);
        MaintenanceView.print(cli, maintenance.status(), out());
        return 0;
    }
}
