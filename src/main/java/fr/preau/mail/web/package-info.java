/**
 * The web mail: the simplified interface ({@code /simple/mail/...}, plain HTML forms that work
 * without JavaScript) and the full one ({@code /app/mail/...}), and what both share (message
 * parts, downloads). Everything goes through the mail module's API with the signed-in
 * account's id, so that another account's folder or message is simply not found.
 */
package fr.preau.mail.web;
