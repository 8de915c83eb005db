package fr.preau.mail;

/** An account a delivered message goes to, and into which of its role folders (INBOX or JUNK). */
public record LocalRecipient(long accountId, FolderRole folder) {}
