package fr.preau.admin.cli.establishment;

import picocli.CommandLine.Command;

/** {@code preau admin establishment ...}: the établissements (UAI code) of each département. */
@Command(name = "establishment", subcommands = {
        EstablishmentList.class, EstablishmentCreate.class, EstablishmentEdit.class})
public class EstablishmentCommands {}
