package fr.preau.admin.cli.sms;

import picocli.CommandLine.Command;

/** {@code preau admin sms ...}: text messages kept by the default SMS gateway. */
@Command(name = "sms", subcommands = {SmsOutboxList.class})
public class SmsCommands {}
