package fr.preau.admin.cli.academy;

import fr.preau.admin.cli.CliCommand;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin academy show CODE}: one académie in detail. */
@Command(name = "show")
public class AcademyShow extends CliCommand {

    @Parameters(paramLabel = "CODE", descriptionKey = "code")
    String code;

    @Override
    public Integer call() {
        Tenancy tenancy = bean(Tenancy.class);
        Academy academy = tenancy.academy(code).orElseThrow(() -> refuse("tenancy.error.academy-unknown", code));
        AcademyView.print(cli, tenancy, academy, out());
        return 0;
    }
}
