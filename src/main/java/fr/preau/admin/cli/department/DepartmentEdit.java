package fr.preau.admin.cli.department;

import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Terminal;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preau admin department edit CODE ...}: changes the name or help desk, keeps the rest. */
@Command(name = "edit")
public class DepartmentEdit extends CliCommand implements BeforeStart {

    @Parameters(paramLabel = "CODE", descriptionKey = "code")
    String code;

    @Option(names = "--name", paramLabel = "TEXT")
    String name;

    @Option(names = "--phone", paramLabel = "PHONE")
    String phone;

    @Option(names = "--hours", paramLabel = "HOURS")
    String hours;

    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Override
    public void beforeStart(CliSupport cli, Terminal terminal) {
        if (name == null && phone == null && hours == null && email == null) {
            throw new CliSupport.UsageRefusal(spec.commandLine(), cli.t("cli.usage.nothing-to-change"));
        }
    }

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Department current = tenancy.department(code)
                .orElseThrow(() -> refuse("tenancy.error.department-unknown", code));
        HelpDesk desk = current.helpDesk();
        Department saved = tenancy.updateDepartment(cli.actor(), new Department(current.id(), current.academyId(),
                current.code(), name == null ? current.name() : name,
                new HelpDesk(phone == null ? desk.phone() : phone, hours == null ? desk.hours() : hours,
                        email == null ? desk.email() : email)));
        say("cli.department.updated", saved.code());
        DepartmentView.print(cli, saved, out());
        return 0;
    }
}
