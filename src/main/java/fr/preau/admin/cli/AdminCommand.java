package fr.preau.admin.cli;

import picocli.CommandLine.Command;

/** {@code preau admin}: the command groups. */
@Command(name = "preau admin", mixinStandardHelpOptions = true,
        description = "Provisioning and operations of Préau (works with or without a running server).",
        subcommands = {
                AcademyCommands.class,
        })
public class AdminCommand {}
