package fr.preau.admin.cli.department;

import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Details;
import fr.preau.tenancy.Department;
import java.io.PrintWriter;

/** How a département is shown after {@code create} and {@code edit}. */
final class DepartmentView {

    private DepartmentView() {}

    static void print(CliSupport cli, Department d, PrintWriter out) {
        new Details(cli)
                .add("cli.department.label.code", d.code())
                .add("cli.department.label.name", d.name())
                .add("cli.department.label.help-desk", cli.helpDesk(d.helpDesk()))
                .print(out);
    }
}
