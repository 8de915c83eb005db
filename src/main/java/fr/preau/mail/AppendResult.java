package fr.preau.mail;

/** Where a stored message went: its id, folder, and IMAP identifiers (for APPENDUID/COPYUID). */
public record AppendResult(long messageId, long accountId, long folderId, long uid, long uidValidity, long modseq) {}
