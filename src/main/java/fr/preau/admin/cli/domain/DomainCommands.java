package fr.preau.admin.cli.domain;

import picocli.CommandLine.Command;

/** {@code preau admin domain ...}: the hosted mail domains and their DNS records. */
@Command(name = "domain", subcommands = {DomainDkim.class})
public class DomainCommands {}
