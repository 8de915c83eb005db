package fr.preau.admin.cli.audit;

import picocli.CommandLine.Command;

/** {@code preau admin audit ...}: the security audit log. */
@Command(name = "audit", subcommands = AuditList.class)
public class AuditCommands {}
