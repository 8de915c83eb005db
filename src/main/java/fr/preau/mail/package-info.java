/**
 * Mail: the durable mail store of every account — folders with their SPECIAL-USE roles and
 * IMAP identifiers (UIDVALIDITY, UID, MODSEQ), messages with flags, keywords and threads,
 * MIME parsing, full-text search, quotas and change events. Every call names the account it
 * acts for and is refused for data of another account. API: the types of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package fr.preau.mail;
