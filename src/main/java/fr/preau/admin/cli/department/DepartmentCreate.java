package fr.preau.admin.cli.department;

import fr.preau.admin.cli.CliCommand;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preau admin department create ...}: a département of an académie, with its DSDEN help desk. */
@Command(name = "create")
public class DepartmentCreate extends CliCommand {

    @Option(names = "--academy", required = true, paramLabel = "CODE")
    String academy;

    @Option(names = "--code", required = true, paramLabel = "CODE")
    String code;

    @Option(names = "--name", required = true, paramLabel = "TEXT")
    String name;

    @Option(names = "--phone", required = true, paramLabel = "PHONE")
    String phone;

    @Option(names = "--hours", required = true, paramLabel = "HOURS")
    String hours;

    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Department d = tenancy.createDepartment(cli.actor(), academy, code, name, new HelpDesk(phone, hours, email));
        say("cli.department.created", d.code(), d.name(), tenancy.academy(d.academyId()).code());
        DepartmentView.print(cli, d, out());
        return 0;
    }
}
