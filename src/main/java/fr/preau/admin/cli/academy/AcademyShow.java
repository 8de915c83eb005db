package fr.preau.admin.cli.academy;

import fr.preau.admin.cli.CliCommand;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code preau admin academy show CODE}: one académie in detail. */
@Command(name = "show")
public class AcademyShow extends CliCommand {

    @Autowired
    Tenancy tenancy;

    @Parameters(paramLabel = "CODE", descriptionKey = "code")
    String code;

    @Override
    public Integer call() {
        Academy academy = tenancy.academy(code).orElseThrow(() -> refuse("tenancy.error.academy-unknown", code));
        AcademyView.print(cli, tenancy, academy, out());
        return 0;
    }
}
