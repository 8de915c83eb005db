/**
 * The parsed form of a stored message, as the mail API gives it: headers, envelope, the MIME
 * structure with IMAP part paths, attachments. Values only; parsing is the mail module's
 * own business.
 */
@org.springframework.modulith.NamedInterface("mime")
package fr.preau.mail.mime;
