package fr.preau.admin.cli.academy;

import picocli.CommandLine.Command;

/** {@code preau admin academy ...}: the académies (mail domain, NUMEN code, help desk, account policy). */
@Command(name = "academy", subcommands = {
        AcademyList.class, AcademyShow.class, AcademyCreate.class, AcademyEdit.class})
public class AcademyCommands {}
