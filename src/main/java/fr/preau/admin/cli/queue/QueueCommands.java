package fr.preau.admin.cli.queue;

import picocli.CommandLine.Command;

/** {@code preau admin queue ...}: mail waiting to be delivered to other domains. */
@Command(name = "queue", subcommands = {QueueList.class, QueueShow.class, QueueRetry.class, QueueDelete.class})
public class QueueCommands {}
