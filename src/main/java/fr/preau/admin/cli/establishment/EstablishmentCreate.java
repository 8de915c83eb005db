package fr.preau.admin.cli.establishment;

import fr.preau.admin.cli.CliCommand;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preau admin establishment create --department --uai --name --city}. */
@Command(name = "create")
public class EstablishmentCreate extends CliCommand {

    @Option(names = "--department", required = true, paramLabel = "CODE")
    String department;

    @Option(names = "--uai", required = true, paramLabel = "UAI")
    String uai;

    @Option(names = "--name", required = true, paramLabel = "TEXT")
    String name;

    @Option(names = "--city", required = true, paramLabel = "TEXT")
    String city;

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Establishment e = tenancy.createEstablishment(cli.actor(), department, uai, name, city);
        say("cli.establishment.created", e.uai(), e.name(), e.city(), tenancy.department(e.departmentId()).code());
        return 0;
    }
}
