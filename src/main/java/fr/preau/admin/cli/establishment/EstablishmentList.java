package fr.preau.admin.cli.establishment;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Table;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preau admin establishment list [--academy CODE] [--department CODE]}. */
@Command(name = "list")
public class EstablishmentList extends CliCommand {

    @Option(names = "--academy", paramLabel = "CODE")
    String academy;

    @Option(names = "--department", paramLabel = "CODE")
    String department;

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Academy onlyAcademy = academy == null ? null
                : tenancy.academy(academy).orElseThrow(() -> refuse("tenancy.error.academy-unknown", academy));
        List<Department> departments = new ArrayList<>();
        if (department != null) {
            Department d = tenancy.department(department)
                    .orElseThrow(() -> refuse("tenancy.error.department-unknown", department));
            if (onlyAcademy != null && d.academyId() != onlyAcademy.id()) {
                throw refuse("cli.error.department-not-in-academy", d.code(), onlyAcademy.code());
            }
            departments.add(d);
        } else {
            for (Academy a : onlyAcademy == null ? tenancy.academies() : List.of(onlyAcademy)) {
                departments.addAll(tenancy.departments(a.id()));
            }
        }
        Table table = new Table(cli.t("cli.establishment.column.uai"), cli.t("cli.establishment.column.name"),
                cli.t("cli.establishment.column.city"), cli.t("cli.establishment.column.department"));
        for (Department d : departments) {
            for (Establishment e : tenancy.establishments(d.id())) {
                table.row(e.uai(), e.name(), e.city(), d.code());
            }
        }
        if (table.size() == 0) {
            say("cli.establishment.none");
        } else {
            table.print(out());
        }
        return 0;
    }
}
