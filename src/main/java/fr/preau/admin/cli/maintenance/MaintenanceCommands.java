package fr.preau.admin.cli.maintenance;

import picocli.CommandLine.Command;

/** {@code preau admin maintenance ...}: the maintenance banner and the closing of logins. */
@Command(name = "maintenance", subcommands = {MaintenanceStatus.class, MaintenanceOn.class, MaintenanceOff.class})
public class MaintenanceCommands {}
