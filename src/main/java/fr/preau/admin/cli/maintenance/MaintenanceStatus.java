package fr.preau.admin.cli.maintenance;

import fr.preau.admin.cli.CliCommand;
import fr.preau.platform.Maintenance;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;

/** {@code preau admin maintenance status}. */
@Command(name = "status")
public class MaintenanceStatus extends CliCommand {

    @Autowired
    Maintenance maintenance;

    @Override
    public Integer call() {
        MaintenanceView.print(cli, maintenance.status(), out());
        return 0;
    }
}
