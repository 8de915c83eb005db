package fr.preau.admin.cli.maintenance;

import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Details;
import fr.preau.platform.Maintenance;
import java.io.PrintWriter;
import java.util.Locale;

/** How the maintenance status is shown. */
final class MaintenanceView {

    private MaintenanceView() {}

    static void print(CliSupport cli, Maintenance.Status status, PrintWriter out) {
        Details details = new Details(cli)
                .add("cli.maintenance.label.mode", cli.t("cli.maintenance.mode." + status.mode().name().toLowerCase(Locale.ROOT)));
        if (status.active()) {
            details.add("cli.maintenance.label.message-fr", status.messageFr())
                    .add("cli.maintenance.label.message-en",
                            status.messageEn().isBlank() ? cli.t("cli.maintenance.same-as-french") : status.messageEn());
        }
        details.print(out);
    }
}
