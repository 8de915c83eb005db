package fr.preau.admin.cli.department;

import picocli.CommandLine.Command;

/** {@code preau admin department ...}: the DSDEN départements of an académie and their help desks. */
@Command(name = "department", subcommands = {DepartmentList.class, DepartmentCreate.class, DepartmentEdit.class})
public class DepartmentCommands {}
