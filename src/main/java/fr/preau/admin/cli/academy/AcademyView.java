package fr.preau.admin.cli.academy;

import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Details;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Tenancy;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** How an académie is shown by {@code show}, {@code create} and {@code edit}. */
final class AcademyView {

    private AcademyView() {}

    static void print(CliSupport cli, Tenancy tenancy, Academy a, PrintWriter out) {
        String departments = tenancy.departments(a.id()).stream()
                .map(Department::code).collect(Collectors.joining(", "));
        new Details(cli)
                .add("cli.academy.label.code", a.code())
                .add("cli.academy.label.name", a.name())
                .add("cli.academy.label.domain", a.mailDomain())
                .add("cli.academy.label.numen-code", a.numenCode())
                .add("cli.academy.label.help-desk", cli.helpDesk(a.helpDesk()))
                .add("cli.academy.label.numen-activation", cli.yesNo(a.numenActivationAllowed()))
                .add("cli.academy.label.password-min-length", cli.t("cli.academy.characters", a.passwordMinLength()))
                .add("cli.academy.label.password-max-age", a.passwordMaxAgeDays() == null
                        ? cli.t("cli.academy.never") : cli.t("cli.academy.days", a.passwordMaxAgeDays()))
                .add("cli.academy.label.departments", departments.isEmpty() ? cli.t("cli.none") : departments)
                .add("cli.academy.label.establishments", tenancy.establishmentsOfAcademy(a.id()).size())
                .print(out);
    }
}
