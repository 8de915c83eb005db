package fr.preau.mail;

import fr.preau.testsupport.PostgresContext;

@PostgresContext
class MailComposePostgresIT extends MailComposeContract {}
