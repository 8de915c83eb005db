package fr.preau.admin.cli.department;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Table;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Tenancy;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preau admin department list [--academy CODE]}: the départements, of one académie or all. */
@Command(name = "list")
public class DepartmentList extends CliCommand {

    @Option(names = "--academy", paramLabel = "CODE")
    String academy;

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        List<Academy> academies = academy == null ? tenancy.academies()
                : List.of(tenancy.academy(academy).orElseThrow(() -> refuse("tenancy.error.academy-unknown", academy)));
        Table table = new Table(cli.t("cli.department.column.code"), cli.t("cli.department.column.name"),
                cli.t("cli.department.column.academy"), cli.t("cli.department.column.phone"),
                cli.t("cli.department.column.hours"), cli.t("cli.department.column.email"),
                cli.t("cli.department.column.establishments"));
        for (Academy a : academies) {
            for (Department d : tenancy.departments(a.id())) {
                table.row(d.code(), d.name(), a.code(), d.helpDesk().phone(), d.helpDesk().hours(),
                        d.helpDesk().email(), tenancy.establishments(d.id()).size());
            }
        }
        if (table.size() == 0) {
            say("cli.department.none");
        } else {
            table.print(out());
        }
        return 0;
    }
}
