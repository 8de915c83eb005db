package fr.preau.admin.cli.academy;

import fr.preau.admin.cli.CliCommand;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.AcademyDraft;
import fr.preau.tenancy.HelpDesk;
import fr.preau.tenancy.Tenancy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preau admin academy create ...}: a new académie, with the default account policy. */
@Command(name = "create")
public class AcademyCreate extends CliCommand {

    @Option(names = "--code", required = true, paramLabel = "CODE")
    String code;

    @Option(names = "--name", required = true, paramLabel = "TEXT")
    String name;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN")
    String domain;

    @Option(names = "--numen-code", required = true, paramLabel = "NN")
    String numenCode;

    @Option(names = "--phone", required = true, paramLabel = "PHONE")
    String phone;

    @Option(names = "--hours", required = true, paramLabel = "HOURS")
    String hours;

    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Academy academy = tenancy.createAcademy(cli.actor(),
                new AcademyDraft(code, name, domain, numenCode, new HelpDesk(phone, hours, email)));
        say("cli.academy.created", academy.code());
        AcademyView.print(cli, tenancy, academy, out());
        return 0;
    }
}
