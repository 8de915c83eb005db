package fr.preau.admin.cli.mailbox;

import fr.preau.admin.cli.CliCommand;
import fr.preau.identity.Account;
import fr.preau.identity.Accounts;
import fr.preau.mail.MailQuotas;
import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preau admin mailbox quota ADDRESS --mb N | --default}: an account's own quota;
 * {@code preau admin mailbox quota --academy CODE --full-mb N --standard-mb N}: an académie's defaults.
 */
@Command(name = "quota")
public class MailboxQuota extends CliCommand {

    @Parameters(paramLabel = "ADDRESS", descriptionKey = "address", arity = "0..1")
    String address;

    @ArgGroup(exclusive = true)
    Own own;

    static class Own {
        @Option(names = "--mb", paramLabel = "MB", descriptionKey = "mb")
        Integer megabytes;

        @Option(names = "--default", descriptionKey = "default")
        boolean backToDefault;
    }

    @Option(names = "--academy", paramLabel = "CODE", descriptionKey = "academy")
    String academy;

    @Option(names = "--full-mb", paramLabel = "MB", descriptionKey = "full-mb")
    Integer fullMb;

    @Option(names = "--standard-mb", paramLabel = "MB", descriptionKey = "standard-mb")
    Integer standardMb;

    @Override
    public Integer call() {
        MailQuotas quotas = bean(MailQuotas.class);
        if (academy != null) {
            if (address != null || own != null) {
                throw usage("cli.mailbox.quota.academy-or-account");
            }
            Academy a = bean(Tenancy.class).academy(academy)
                    .orElseThrow(() -> refuse("tenancy.error.academy-unknown", academy));
            quotas.setAcademyQuota(cli.actor(), a.id(), fullMb, standardMb);
            say("cli.mailbox.quota.academy-set", a.name(), fullMb == null ? cli.t("cli.mailbox.quota.installation-default") : fullMb,
                    standardMb == null ? cli.t("cli.mailbox.quota.installation-default") : standardMb);
            return 0;
        }
        if (address == null || (fullMb != null || standardMb != null)) {
            throw usage("cli.mailbox.quota.academy-or-account");
        }
        Account account = bean(Accounts.class).find(address).orElseThrow(() -> refuse("account.error.unknown", address));
        if (own == null) {
            say("cli.mailbox.quota.current", account.email(), quotas.usage(account.id()).limitMegabytes(),
                    quotas.defaultLimitMegabytes(account.id()));
            return 0;
        }
        quotas.setAccountQuota(cli.actor(), account.id(), own.backToDefault ? null : own.megabytes);
        say("cli.mailbox.quota.set", account.email(), quotas.usage(account.id()).limitMegabytes());
        return 0;
    }
}
