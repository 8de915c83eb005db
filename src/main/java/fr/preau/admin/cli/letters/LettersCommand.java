package fr.preau.admin.cli.letters;

import fr.preau.admin.cli.BeforeStart;
import fr.preau.admin.cli.CliCommand;
import fr.preau.admin.cli.CliSupport;
import fr.preau.admin.cli.SecretFiles;
import fr.preau.admin.cli.Terminal;
import fr.preau.admin.letters.ActivationLetters;
import fr.preau.identity.Accounts;
import fr.preau.identity.ProvisionedAccount;
import fr.preau.tenancy.Establishment;
import fr.preau.tenancy.Tenancy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code preau admin letters --uai UAI | --account LOGIN --output FILE.html}: printable
 * activation letters, one per page, with NEW codes (codes are stored hashed, so the old ones
 * cannot be printed again; issuing new ones makes the old ones stop working).
 */
@Command(name = "letters")
public class LettersCommand extends CliCommand implements BeforeStart {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Whose letters: every pending account of an établissement, or one account. */
    static class Target {
        @Option(names = "--uai", paramLabel = "UAI", required = true)
        String uai;

        @Option(names = "--account", paramLabel = "LOGIN", required = true)
        String login;
    }

    @Option(names = "--output", required = true, paramLabel = "FILE.html")
    Path output;

    @Override
    public void beforeStart(CliSupport cli, Terminal terminal) {
        SecretFiles.checkCreatable(output);
    }

    @Override
    public Integer call() throws IOException {
        Accounts accounts = bean(Accounts.class);
        Tenancy tenancy = bean(Tenancy.class);
        ActivationLetters letters = bean(ActivationLetters.class);
        List<ProvisionedAccount> issued;
        if (target.uai != null) {
            Establishment e = tenancy.establishment(target.uai)
                    .orElseThrow(() -> refuse("cli.error.establishment-unknown", target.uai));
            SecretFiles.checkCreatable(output);
            if (accounts.pendingOf(e.id()).isEmpty()) {
                throw refuse("cli.letters.none-pending", e.uai(), e.name());
            }
            issued = accounts.reissueActivationCodes(cli.actor(), e.id()).stream()
                    .sorted(Comparator.comparing((ProvisionedAccount p) -> p.account().lastName(),
                                    String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(p -> p.account().firstName(), String.CASE_INSENSITIVE_ORDER))
                    .toList();
        } else {
            accounts.find(target.login).orElseThrow(() -> refuse("account.error.unknown", target.login));
            SecretFiles.checkCreatable(output);
            issued = List.of(accounts.reissueActivationCode(cli.actor(), target.login));
        }
        SecretFiles.write(output, letters.render(issued, cli.zone()));
        say("cli.letters.written", issued.size(), output);
        say("cli.letters.old-codes-revoked");
        return 0;
    }
}
