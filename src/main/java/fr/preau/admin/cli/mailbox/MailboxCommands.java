package fr.preau.admin.cli.mailbox;

import picocli.CommandLine.Command;

/** {@code preau admin mailbox ...}: an agent's folders, usage and quota. */
@Command(name = "mailbox", subcommands = {MailboxStatus.class, MailboxQuota.class})
public class MailboxCommands {}
