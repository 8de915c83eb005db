package fr.preau.admin.cli.account;

import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.SecretFiles;
import fr.preau.admin.cli.Terminal;
import fr.preau.admin.letters.ActivationLetters;
import fr.preau.identity.Accounts;
import fr.preau.identity.NewAccount;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.platform.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code preau admin account create ...}: one account, with the same checks as an import. The
 * activation code is printed once (and put in a letter with {@code --letter}). {@code --numen}
 * without a value asks for it without echo, so that it stays out of the shell history.
 */
@Command(name = "create")
public class AccountCreate extends CliCommand implements BeforeStart {

    @Option(names = "--last-name", required = true, paramLabel = "TEXT")
    String lastName;

    @Option(names = "--first-name", required = true, paramLabel = "TEXT")
    String firstName;

    /** Empty when given without a value: then asked for without echo. */
    @Option(names = "--numen", required = true, arity = "0..1", fallbackValue = "", paramLabel = "NUMEN")
    String numen;

    @Option(names = "--role", required = true, paramLabel = "ROLE")
    String role;

    @Option(names = "--uai", required = true, paramLabel = "UAI")
    String uai;

    @Option(names = "--backup-email", paramLabel = "EMAIL")
    String backupEmail;

    @Option(names = "--mobile", paramLabel = "PHONE")
    String mobile;

    @Option(names = "--letter", paramLabel = "FILE.html")
    Path letter;

    @Override
    public void beforeStart(CliSupport cli, Terminal terminal) {
        if (letter != null) {
            SecretFiles.checkCreatable(letter);
        }
        if (numen != null && numen.isBlank()) {
            numen = terminal.readSecret(cli.t("cli.account.numen-prompt"));
            if (numen == null || numen.isBlank()) {
                throw UserError.of("account.error.numen-missing");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        Accounts accounts = bean(Accounts.class);
        ActivationLetters letters = bean(ActivationLetters.class);
        if (letter != null) {
            SecretFiles.checkCreatable(letter);
        }
        ProvisionedAccount created = accounts.create(cli.actor(),
                new NewAccount(lastName, firstName, numen, role, uai, backupEmail, mobile));
        numen = null;
        say("cli.account.created", created.account().displayName());
        AccountView.printIssued(cli, created, out());
        if (letter != null) {
            SecretFiles.write(letter, letters.render(List.of(created), cli.zone()));
            say("cli.account.letter-written", letter);
        }
        return 0;
    }
}
