package fr.preau.admin.cli.search;

import picocli.CommandLine.Command;

/** {@code preau admin search ...}: the full-text index of the mail. */
@Command(name = "search", subcommands = {SearchReindex.class})
public class SearchCommands {}
