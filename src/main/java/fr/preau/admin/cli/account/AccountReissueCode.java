package fr.preau.admin.cli.account;

import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.SecretFiles;
import fr.preau.admin.cli.Terminal;
import fr.preau.admin.letters.ActivationLetters;
import fr.preau.identity.Accounts;
import fr.preau.identity.ProvisionedAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preau admin account reissue-code LOGIN [--letter FILE.html]}: a new activation code; the old one stops working. */
@Command(name = "reissue-code")
public class AccountReissueCode extends CliCommand implements BeforeStart {

    @Parameters(paramLabel = "LOGIN", descriptionKey = "login")
    String login;

    @Option(names = "--letter", paramLabel = "FILE.html")
    Path letter;

    @Override
    public void beforeStart(CliSupport cli, Terminal terminal) {
        if (letter != null) {
            SecretFiles.checkCreatable(letter);
        }
    }

    @Override
    public Integer call() throws IOException {
        Accounts accounts = bean(Accounts.class);
        ActivationLetters letters = bean(ActivationLetters.class);
        if (letter != null) {
            SecretFiles.checkCreatable(letter);
        }
        ProvisionedAccount issued = accounts.reissueActivationCode(cli.actor(), login);
        say("cli.account.code-reissued", issued.account().login());
        AccountView.printIssued(cli, issued, out());
        if (letter != null) {
            SecretFiles.write(letter, letters.render(List.of(issued), cli.zone()));
            say("cli.account.letter-written", letter);
        }
        return 0;
    }
}
