package fr.preau.admin.cli;

import fr.preau.tenancy.Academy;
import fr.preau.tenancy.Tenancy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code preau admin academy ...}. */
@Command(name = "academy", description = "Académies: list, show, edit.", mixinStandardHelpOptions = true,
        subcommands = {AcademyCommands.List.class})
public class AcademyCommands {

    @Command(name = "list", description = "List the académies.")
    static class List implements Callable<Integer> {
        private final Tenancy tenancy;
        @Spec CommandSpec spec;

        List(Tenancy tenancy) {
            this.tenancy = tenancy;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            for (Academy a : tenancy.academies()) {
                out.printf("%-16s %-28s %-18s %s%n", a.code(), a.name(), a.mailDomain(), a.numenCode());
            }
            return 0;
        }
    }
}
