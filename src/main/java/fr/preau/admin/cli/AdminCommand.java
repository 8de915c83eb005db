package fr.preau.admin.cli;

import fr.preau.admin.cli.academy.AcademyCommands;
import fr.preau.admin.cli.account.AccountCommands;
import fr.preau.admin.cli.audit.AuditCommands;
import fr.preau.admin.cli.department.DepartmentCommands;
import fr.preau.admin.cli.domain.DomainCommands;
import fr.preau.admin.cli.establishment.EstablishmentCommands;
import fr.preau.admin.cli.letters.LettersCommand;
import fr.preau.admin.cli.mailbox.MailboxCommands;
import fr.preau.admin.cli.maintenance.MaintenanceCommands;
import fr.preau.admin.cli.queue.QueueCommands;
import fr.preau.admin.cli.search.SearchCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code preau admin}: the command groups. Every text of the usage help is in
 * {@code i18n/admin-help*.properties}; --help and --version are inherited by every command.
 */
@Command(name = AdminCommand.NAME, mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = AdminCommand.Version.class, usageHelpAutoWidth = true, sortOptions = false,
        sortSynopsis = false,
        subcommands = {
                HelpCommand.class,
                AcademyCommands.class,
                DepartmentCommands.class,
                EstablishmentCommands.class,
                AccountCommands.class,
                LettersCommand.class,
                MailboxCommands.class,
                DomainCommands.class,
                MaintenanceCommands.class,
                AuditCommands.class,
                QueueCommands.class,
                fr.preau.admin.cli.sms.SmsCommands.class,
                SearchCommands.class,
        })
public class AdminCommand {

    public static final String NAME = "preau admin";

    /** The version of the jar, from its manifest. */
    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdminCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Préau " + (version == null ? "(dev)" : version)};
        }
    }
}
