package fr.preau.admin.cli.academy;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.Table;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code preau admin academy list}: every académie with its domain, NUMEN code and size. */
@Command(name = "list")
public class AcademyList extends CliCommand {

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        List<Academy> academies = tenancy.academies();
        if (academies.isEmpty()) {
            say("cli.academy.none");
            return 0;
        }
        Table table = new Table(cli.t("cli.academy.column.code"), cli.t("cli.academy.column.name"),
                cli.t("cli.academy.column.domain"), cli.t("cli.academy.column.numen-code"),
                cli.t("cli.academy.column.departments"), cli.t("cli.academy.column.establishments"));
        for (Academy a : academies) {
            table.row(a.code(), a.name(), a.mailDomain(), a.numenCode(), tenancy.departments(a.id()).size(),
                    tenancy.establishmentsOfAcademy(a.id()).size());
        }
        table.print(out());
        return 0;
    }
}
