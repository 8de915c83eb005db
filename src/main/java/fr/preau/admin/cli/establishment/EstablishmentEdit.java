package fr.preau.admin.cli.establishment;

import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.Terminal;
import fr.preau.tenancy.Department;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin establishment edit UAI ...}: renames, or moves to another département of
 * the same académie (not to another académie: its agents' addresses belong to this one).
 */
@Command(name = "edit")
public class EstablishmentEdit extends CliCommand implements BeforeStart {

    @Parameters(paramLabel = "UAI", descriptionKey = "uai")
    String uai;

    @Option(names = "--name", paramLabel = "TEXT")
    String name;

    @Option(names = "--city", paramLabel = "TEXT")
    String city;

    @Option(names = "--department", paramLabel = "CODE")
    String department;

    @Override
    public void beforeStart(CliSupport cli, Terminal terminal) {
        if (name == null && city == null && department == null) {
            throw new CliSupport.UsageRefusal(spec.commandLine(), cli.t("cli.usage.nothing-to-change"));
        }
    }

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Establishment current = tenancy.establishment(uai)
                .orElseThrow(() -> refuse("cli.error.establishment-unknown", uai));
        long departmentId = current.departmentId();
        if (department != null) {
            Department target = tenancy.department(department)
                    .orElseThrow(() -> refuse("tenancy.error.department-unknown", department));
            long academyNow = tenancy.department(current.departmentId()).academyId();
            if (target.academyId() != academyNow) {
                throw refuse("cli.error.establishment-other-academy", target.code(),
                        tenancy.academy(target.academyId()).code());
            }
            departmentId = target.id();
        }
        Establishment saved = tenancy.updateEstablishment(cli.actor(), new Establishment(current.id(), departmentId,
                current.uai(), name == null ? current.name() : name, city == null ? current.city() : city));
        say("cli.establishment.updated", saved.uai(), saved.name(), saved.city(),
                tenancy.department(saved.departmentId()).code());
        return 0;
    }
}
